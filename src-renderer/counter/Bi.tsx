/** A label in Chinese first with its English beside it (the counter's staff screens read both). */
export function Bi({ zh, en }: { zh: string; en: string }) {
  return (
    <>
      {zh} <span className="en" lang="en">{en}</span>
    </>
  );
}
