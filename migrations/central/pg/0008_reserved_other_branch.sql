-- Placeholder for a migration number given to another branch; the merge replaces it.
SELECT 1;
