-- wafa schema, migration 2: staff with PINs, and the audit trail.

CREATE TABLE staff (
	id            INTEGER PRIMARY KEY,
	name          TEXT NOT NULL,
	role          TEXT NOT NULL CHECK (role IN ('owner', 'staff')),
	pin_hash      TEXT NOT NULL,               -- crypt(3) yescrypt, never the PIN
	active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at    INTEGER NOT NULL
);
CREATE INDEX staff_role ON staff (role, active);

-- Three wrong PINs lock a role for a while: one row per role.
CREATE TABLE pin_locks (
	role          TEXT PRIMARY KEY,
	failures      INTEGER NOT NULL DEFAULT 0,
	locked_until  INTEGER
);

-- Every owner-only action and every manual points adjustment.  Rows are
-- never updated or deleted (the triggers refuse it).
CREATE TABLE audit (
	id            INTEGER PRIMARY KEY,
	at            INTEGER NOT NULL,
	staff_id      INTEGER REFERENCES staff (id),
	who           TEXT NOT NULL,               -- the name at the time
	action        TEXT NOT NULL,               -- "program set", "points adjust", ...
	subject       TEXT,                        -- what it was done to
	before        TEXT,
	after         TEXT
);
CREATE INDEX audit_at ON audit (at);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit rows are never changed');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'audit rows are never deleted');
END;
