-- wafa schema, migration 3: what makes the monthly report fast at scale.
--
-- Covering indexes for per-customer sums (a window spend, a balance at a
-- past instant), read from the index alone.
DROP INDEX sales_customer;
CREATE INDEX sales_customer ON sales (customer_id, at, paid);
DROP INDEX ledger_customer;
CREATE INDEX ledger_customer ON ledger (customer_id, at, kind, points);

-- The loyal rung of the ladder asks each regular customer's latest score
-- and whether someone they referred bought: both from an index alone.
DROP INDEX surveys_customer;
CREATE INDEX surveys_customer ON surveys (customer_id, at, score);
DROP INDEX customers_referrer;
CREATE INDEX customers_referrer ON customers (referrer_id, first_sale_at);

-- The first instant a customer's balance went below zero (only a
-- return's reversal can do that), or NULL: the points liability of a past
-- month needs the balance at its end only for these customers.
ALTER TABLE customers ADD COLUMN negative_since INTEGER;
UPDATE customers SET negative_since = (
	SELECT MIN(at) FROM (
		SELECT l.at, SUM(l.points) OVER (ORDER BY l.at, l.id) AS running
		FROM ledger l WHERE l.customer_id = customers.id) r
	WHERE r.running < 0)
WHERE EXISTS (SELECT 1 FROM ledger l WHERE l.customer_id = customers.id AND l.kind = 'reverse');
CREATE INDEX customers_negative ON customers (negative_since);

-- The per-customer summaries as a narrow covering index: the current
-- month's customer figures (ladder, churn, retention, lifetime value,
-- points outstanding) are one scan of it.  It replaces the index on
-- last_sale_at alone.
DROP INDEX customers_last_sale;
CREATE INDEX customers_summary ON customers (last_sale_at, sales_count, enrolled_at,
	first_sale_at, spend, balance, id);
