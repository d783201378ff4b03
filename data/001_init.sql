-- wafa schema, migration 1: the shop, its customers, sales and points.
--
-- Portable SQL (DESIGN.md section 2): integer epoch seconds for time,
-- integer minor units for money, no functions of one engine only.  The
-- per-customer summaries (balance ... next_expiry) are kept by the engine
-- in the same transaction as the rows they summarise; `wafa check`
-- verifies them.

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE tiers (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE,
	min_spend  INTEGER NOT NULL UNIQUE CHECK (min_spend >= 0),
	multiplier INTEGER NOT NULL CHECK (multiplier >= 0),
	discount   INTEGER NOT NULL DEFAULT 0 CHECK (discount BETWEEN 0 AND 100)
);

CREATE TABLE customers (
	id            INTEGER PRIMARY KEY,
	name          TEXT NOT NULL,
	search_key    TEXT NOT NULL,            -- fold_search_key(name)
	sort_key      BLOB,                     -- ICU sort key of name
	phone         TEXT,                     -- normalised digits
	card          TEXT NOT NULL UNIQUE,
	external_id   TEXT,
	birthday      TEXT,                     -- YYYY-MM-DD, Gregorian
	email         TEXT,
	referrer_id   INTEGER REFERENCES customers (id),
	consent       INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
	note          TEXT,
	enrolled_at   INTEGER NOT NULL,
	active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	-- summaries
	balance       INTEGER NOT NULL DEFAULT 0,  -- sum of the ledger
	sales_count   INTEGER NOT NULL DEFAULT 0,
	first_sale_at INTEGER,
	last_sale_at  INTEGER,
	spend         INTEGER NOT NULL DEFAULT 0,  -- sum of paid - refunded
	tier          TEXT,                        -- last tier recorded in tier_history
	watermark     INTEGER,                     -- rule 6: latest event / expiry instant
	next_expiry   INTEGER                      -- earliest expiry instant after watermark
);
CREATE UNIQUE INDEX customers_phone_active ON customers (phone)
	WHERE active = 1 AND phone IS NOT NULL;
CREATE UNIQUE INDEX customers_external_active ON customers (external_id)
	WHERE active = 1 AND external_id IS NOT NULL;
CREATE INDEX customers_phone ON customers (phone);
CREATE INDEX customers_external ON customers (external_id);
CREATE INDEX customers_sort ON customers (sort_key, id);
CREATE INDEX customers_enrolled ON customers (enrolled_at);
CREATE INDEX customers_referrer ON customers (referrer_id);
CREATE INDEX customers_next_expiry ON customers (next_expiry);
CREATE INDEX customers_last_sale ON customers (last_sale_at);

-- One row per distinct word of a customer's folded name: prefix search
-- with an indexed range scan (word >= ? AND word < ?).
CREATE TABLE name_words (
	word        TEXT NOT NULL,
	customer_id INTEGER NOT NULL REFERENCES customers (id),
	PRIMARY KEY (word, customer_id)
);
CREATE INDEX name_words_customer ON name_words (customer_id);

CREATE TABLE sales (
	id          INTEGER PRIMARY KEY,
	customer_id INTEGER NOT NULL REFERENCES customers (id),
	at          INTEGER NOT NULL,
	amount      INTEGER NOT NULL CHECK (amount >= 0),     -- goods value
	points_paid INTEGER NOT NULL DEFAULT 0 CHECK (points_paid >= 0),
	discount    INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
	paid        INTEGER NOT NULL CHECK (paid >= 0),       -- amount - discount
	earned      INTEGER NOT NULL DEFAULT 0 CHECK (earned >= 0),
	multiplier  INTEGER NOT NULL,                         -- of the tier held before
	tier        TEXT NOT NULL,                            -- tier held before the sale
	first_sale  INTEGER NOT NULL CHECK (first_sale IN (0, 1)),
	note        TEXT,
	staff_id    INTEGER
);
CREATE INDEX sales_at ON sales (at, customer_id, amount, paid, first_sale);
CREATE INDEX sales_customer ON sales (customer_id, at);

CREATE TABLE returns (
	id              INTEGER PRIMARY KEY,
	sale_id         INTEGER NOT NULL REFERENCES sales (id),
	customer_id     INTEGER NOT NULL REFERENCES customers (id),
	at              INTEGER NOT NULL,
	amount          INTEGER NOT NULL CHECK (amount > 0),  -- goods value returned
	refunded        INTEGER NOT NULL CHECK (refunded >= 0),
	points_reversed INTEGER NOT NULL CHECK (points_reversed >= 0),
	points_restored INTEGER NOT NULL CHECK (points_restored >= 0),
	note            TEXT,
	staff_id        INTEGER
);
CREATE INDEX returns_sale ON returns (sale_id, at);
CREATE INDEX returns_at ON returns (at, refunded, customer_id, sale_id);
CREATE INDEX returns_customer ON returns (customer_id, at);

CREATE TABLE rewards (
	id          INTEGER PRIMARY KEY,
	code        TEXT NOT NULL UNIQUE,
	name        TEXT NOT NULL,
	points      INTEGER NOT NULL CHECK (points >= 1),
	copay       INTEGER NOT NULL DEFAULT 0 CHECK (copay >= 0),
	stock       INTEGER CHECK (stock >= 0),  -- units ever stocked; NULL = unlimited
	active_from INTEGER,                     -- instant, inclusive
	active_to   INTEGER,                     -- instant, exclusive
	created_at  INTEGER NOT NULL
);

CREATE TABLE redemptions (
	id          INTEGER PRIMARY KEY,
	customer_id INTEGER NOT NULL REFERENCES customers (id),
	reward_id   INTEGER NOT NULL REFERENCES rewards (id),
	at          INTEGER NOT NULL,
	points      INTEGER NOT NULL CHECK (points >= 1),
	copay       INTEGER NOT NULL DEFAULT 0,
	staff_id    INTEGER
);
CREATE INDEX redemptions_at ON redemptions (at);
CREATE INDEX redemptions_customer ON redemptions (customer_id, at);
CREATE INDEX redemptions_reward ON redemptions (reward_id);

CREATE TABLE vouchers (
	id            INTEGER PRIMARY KEY,
	code          TEXT NOT NULL UNIQUE,
	redemption_id INTEGER NOT NULL UNIQUE REFERENCES redemptions (id),
	issued_at     INTEGER NOT NULL,
	used_at       INTEGER
);

-- The points ledger: append-only; the balance is its sum.
CREATE TABLE ledger (
	id            INTEGER PRIMARY KEY,
	customer_id   INTEGER NOT NULL REFERENCES customers (id),
	at            INTEGER NOT NULL,
	kind          TEXT NOT NULL CHECK (kind IN ('earn', 'bonus', 'redeem', 'pay',
	                                            'reverse', 'restore', 'expire', 'adjust')),
	points        INTEGER NOT NULL CHECK (points <> 0),
	sale_id       INTEGER REFERENCES sales (id),
	return_id     INTEGER REFERENCES returns (id),
	redemption_id INTEGER REFERENCES redemptions (id),
	reason        TEXT,
	staff_id      INTEGER
);
CREATE INDEX ledger_customer ON ledger (customer_id, at);
CREATE INDEX ledger_at ON ledger (at, kind, points);

CREATE TABLE surveys (
	id          INTEGER PRIMARY KEY,
	customer_id INTEGER NOT NULL REFERENCES customers (id),
	at          INTEGER NOT NULL,
	score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
	csat        INTEGER CHECK (csat BETWEEN 1 AND 5),
	reason      TEXT CHECK (reason IN ('price', 'quality', 'service', 'range',
	                                   'location', 'other')),
	comment     TEXT,
	staff_id    INTEGER
);
CREATE INDEX surveys_at ON surveys (at, score);
CREATE INDEX surveys_customer ON surveys (customer_id, at);

-- A detractor answer opens a follow-up that stays open until closed.
CREATE TABLE follow_ups (
	id          INTEGER PRIMARY KEY,
	survey_id   INTEGER NOT NULL UNIQUE REFERENCES surveys (id),
	customer_id INTEGER NOT NULL REFERENCES customers (id),
	opened_at   INTEGER NOT NULL,
	closed_at   INTEGER,
	note        TEXT
);
CREATE INDEX follow_ups_open ON follow_ups (closed_at, opened_at);

-- Calls that did not end in an answer.
CREATE TABLE contact_log (
	id          INTEGER PRIMARY KEY,
	customer_id INTEGER NOT NULL REFERENCES customers (id),
	at          INTEGER NOT NULL,
	outcome     TEXT NOT NULL CHECK (outcome IN ('no_answer', 'call_back', 'refused')),
	note        TEXT,
	staff_id    INTEGER
);
CREATE INDEX contact_log_customer ON contact_log (customer_id, at);

-- A record of tier changes (not an input to any computation).
CREATE TABLE tier_history (
	id          INTEGER PRIMARY KEY,
	customer_id INTEGER NOT NULL REFERENCES customers (id),
	at          INTEGER NOT NULL,
	tier_from   TEXT,
	tier_to     TEXT NOT NULL,
	cause       TEXT NOT NULL CHECK (cause IN ('enroll', 'sale', 'return', 'expiry'))
);
CREATE INDEX tier_history_customer ON tier_history (customer_id, at);
