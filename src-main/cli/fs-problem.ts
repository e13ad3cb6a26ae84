/**
 * A file-system failure in words for IT staff at the terminal: what is wrong with which path
 * and what to do, with the errno kept only as a trailing code for a precise search. The
 * `option` names the command-line option that chose the path, so the fix can name it.
 */
import { AppError } from '../../src-shared/api/errors.js';

export function fsProblem(e: unknown, path: string, option: string): AppError {
  const errno = (e as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
  const say = (zh: string, en: string) => new AppError(`fs-${errno.toLowerCase()}`, zh, en);
  switch (errno) {
    case 'ENOENT':
      return say(`${path} 不存在：请用 ${option} 指定正确的位置`, `${path} does not exist: give the right place with ${option}`);
    case 'ENOTDIR':
    case 'EEXIST':
      return say(`${path} 或其上级是一个文件，不是文件夹：请用 ${option} 指定一个文件夹`, `${path} or a folder above it is a file, not a folder: give a folder with ${option}`);
    case 'EISDIR':
      return say(`${path} 是一个文件夹，这里需要文件：请用 ${option} 指定文件`, `${path} is a folder where a file is needed: give a file with ${option}`);
    case 'EACCES':
    case 'EPERM':
      return say(`没有权限读写 ${path}：请用有权限的用户运行，或用 ${option} 指定别的位置`, `No permission to read or write ${path}: run as a user who may, or give another place with ${option}`);
    case 'EROFS':
      return say(`${path} 所在的磁盘是只读的：请用 ${option} 指定可写的位置`, `${path} is on a read-only disk: give a writable place with ${option}`);
    case 'ENOSPC':
      return say(`${path} 所在的磁盘已满：请清理磁盘`, `The disk holding ${path} is full: free some space`);
    default:
      return say(`无法访问 ${path}：请检查 ${option} 指定的位置`, `Cannot access ${path}: check the place given with ${option}`);
  }
}
