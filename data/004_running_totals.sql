-- wafa schema, migration 4: running totals for the tiers of the monthly
-- report, and a customer's latest survey answer from an index alone.
--
-- The tier a customer holds at t is set by the spend of the trailing
-- window (t - W, t]: the paid of the sales in it less the refunds of those
-- sales dated up to t.  With a running total of paid per customer on each
-- sale, the paid in the window is the difference of two index seeks
-- instead of a sum over every sale in it; with the sale's instant on each
-- return, the refunds of sales in the window are a short range of an index.
--
-- sales.cum_paid: the sum of paid over the customer's sales up to this
-- one, in (at, id) order, this one included.  A customer's sales are
-- recorded in time order (an earlier event is refused), so the new sale's
-- running total is the latest one plus its paid.  Sales are never changed
-- afterwards (a return is a row of its own), so the totals stay true;
-- `wafa check` verifies them.
ALTER TABLE sales ADD COLUMN cum_paid INTEGER;
UPDATE sales SET cum_paid = r.c FROM (
	SELECT id, SUM(paid) OVER (PARTITION BY customer_id ORDER BY at, id) AS c FROM sales) r
WHERE r.id = sales.id;
-- Within one customer and one instant the running total grows with the
-- id (paid is never negative), so (at, cum_paid) orders that customer's
-- sales as (at, id) does.
DROP INDEX sales_customer;
CREATE INDEX sales_customer ON sales (customer_id, at, cum_paid, paid);

-- returns.sale_at: the instant of the sale returned.
ALTER TABLE returns ADD COLUMN sale_at INTEGER;
UPDATE returns SET sale_at = (SELECT s.at FROM sales s WHERE s.id = returns.sale_id);
CREATE INDEX returns_window ON returns (customer_id, sale_at, at, refunded);

-- "Latest" is the greatest (at, id); with the id in the index the loyal
-- rung of the ladder reads each customer's latest score with one seek
-- instead of sorting that customer's answers.
DROP INDEX surveys_customer;
CREATE INDEX surveys_customer ON surveys (customer_id, at, id, score);
