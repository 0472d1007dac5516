-- The application role and row-level security: filled in by the trust work.
SELECT 1;
