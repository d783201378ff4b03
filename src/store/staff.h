/* staff.h -- staff members with PINs, PIN lockouts, and the audit trail. */
#ifndef WAFA_STORE_STAFF_H
#define WAFA_STORE_STAFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct staff_member {
	int64_t id;
	char *name;
	char *role;     /* "owner" or "staff" */
	char *pin_hash; /* crypt(3) string */
	bool active;
	int64_t created_at;
};
void staff_free(struct staff_member *v, size_t n);

/* Inserts a member; fills m->id. */
int staff_insert(struct store *st, struct staff_member *m, struct werr *e);
/* Every member (active_only: the active ones of `role`, or of any role
 * when role is NULL), in id order, in a new array. */
int staff_list(struct store *st, const char *role, bool active_only, struct staff_member **v,
	       size_t *n, struct werr *e);
int staff_set_active(struct store *st, int64_t id, bool active, struct werr *e);
/* Active owners. */
int staff_owner_count(struct store *st, int64_t *n, struct werr *e);

/* The lockout of a role: consecutive failures and the instant until which
 * it is locked (TIME_NONE: not locked). */
int pin_lock_get(struct store *st, const char *role, int64_t *failures, int64_t *locked_until,
		 struct werr *e);
int pin_lock_set(struct store *st, const char *role, int64_t failures, int64_t locked_until,
		 struct werr *e);

struct audit_row {
	int64_t id;
	int64_t at;
	int64_t staff_id;
	char *who, *action, *subject, *before, *after;
};
void audit_rows_free(struct audit_row *v, size_t n);
int audit_insert(struct store *st, const struct audit_row *r, struct werr *e);
/* The latest rows first: up to limit rows with id below before_id (0:
 * from the newest). */
int audit_list(struct store *st, int64_t before_id, size_t limit, struct audit_row **v,
	       size_t *n, struct werr *e);

#endif
