-- The tamper-evident audit chain: filled in by the trust work.
SELECT 1;
