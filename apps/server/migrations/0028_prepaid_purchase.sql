-- A prepaid plan sold online is paid for (kind 'purchase', by card or at a konbini) before its SIM
-- is released: at most one such payment in flight or paid per application, so two clicks or two tabs
-- cannot pay twice. A counter sale's 'counter' payment (the shop's till) is not one of them.
CREATE UNIQUE INDEX payments_one_live_purchase ON payments (application_id)
  WHERE kind = 'purchase' AND method <> 'counter' AND status IN ('pending', 'authorized', 'captured');
