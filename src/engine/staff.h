/* staff.h -- owner and staff PINs, owner-only actions, the audit trail
 * (issue "Trust").
 *
 * Until an owner exists, a single-person shop is asked for nothing.  Once
 * one exists, owner-only actions -- program and tier settings, the
 * rewards catalog, points adjustments, deactivating customers, restore,
 * staff management -- need the actor on the connection (store_actor) to
 * be an owner who gave the PIN.  PINs are hashed with crypt(3) yescrypt;
 * three wrong PINs lock that role for 30 seconds. */
#ifndef WAFA_ENGINE_STAFF_H
#define WAFA_ENGINE_STAFF_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/shop.h"
#include "store/staff.h"
#include "store/store.h"

#define PIN_LOCK_FAILURES 3
#define PIN_LOCK_SECONDS 30

/* Whether the shop has an active owner (then owner-only actions need
 * the PIN).  -1 on error. */
int owner_exists(struct store *st, struct werr *e);
/* Checks pin against the active members of role ("owner" or "staff");
 * on success the connection's actor becomes that member.  A wrong PIN
 * counts towards the lockout; a locked role is refused without looking
 * at the PIN.  W_AUTH on refusal. */
int staff_login(struct store *st, const char *role, const char *pin, struct werr *e);
/* Inside an operation: refuses (W_AUTH) unless no owner exists or the
 * actor is an active owner. */
int require_owner(struct op *op, struct werr *e);
/* Inside an operation: appends an audit row for the actor. */
int audit_record(struct op *op, const char *action, const char *subject, const char *before,
		 const char *after, struct werr *e);

/* Appends an audit row in a transaction of its own, for `who` (after a
 * restore, whose database does not know the staff member: staff_id is
 * not kept, the name is). */
int engine_audit(struct store *st, const struct actor *who, const char *action,
		 const char *subject, const char *before, const char *after, struct werr *e);

/* `staff add`: name, role ("owner" or "staff"), PIN of 4 to 12 digits.
 * Owner-only once an owner exists. */
int engine_staff_add(struct store *st, const char *name, const char *role, const char *pin,
		     int64_t *id, struct werr *e);
/* `staff disable`: the last active owner cannot be disabled. */
int engine_staff_disable(struct store *st, int64_t id, struct werr *e);

#endif
