-- Placeholder: this number belongs to another branch's migration. It exists only so that the
-- help-call migration (central 0009, pg 0008) applies on its own branch, where migrations must
-- be numbered without gaps. Delete this file when the branches are merged.
SELECT 1;
