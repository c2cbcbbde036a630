-- The operation log (0038) gets the rest of a failed activation's rollback and the crash case
-- (issue 25): the SM-DP+ order cancelled and the line given back are logged like the network's calls;
-- an entry is committed `pending` before its call, so a crash leaves it `pending`, which the sweep
-- marks `in_doubt` and, once the network matches our records again, `reconciled`. The values are the
-- domain's table (packages/domain/src/network/operation-log.ts).
ALTER TABLE provisioning_operations DROP CONSTRAINT provisioning_operations_operation_check;
ALTER TABLE provisioning_operations ADD CONSTRAINT provisioning_operations_operation_check CHECK (
  operation IN ('activate', 'bar_outgoing', 'unbar_outgoing', 'suspend', 'resume', 'terminate', 'change_number',
                'cancel_esim_order', 'release_line')
);
ALTER TABLE provisioning_operations DROP CONSTRAINT provisioning_operations_outcome_check;
ALTER TABLE provisioning_operations ADD CONSTRAINT provisioning_operations_outcome_check CHECK (
  outcome IN ('pending', 'succeeded', 'failed', 'rolled_back', 'in_doubt', 'reconciled')
);
-- The sweep's question: which entries are still waiting for an answer.
CREATE INDEX provisioning_operations_unanswered ON provisioning_operations (started_at)
  WHERE outcome IN ('pending', 'in_doubt');
-- A rollback run twice asks whether its step is done already, by the step's idempotency key.
CREATE INDEX provisioning_operations_key ON provisioning_operations (idempotency_key);
