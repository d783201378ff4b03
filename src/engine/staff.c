/* staff.c -- PINs, owner-only actions, audit. */
#include <config.h>

#include "engine/staff.h"

#include <crypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/digits.h"
#include "text/i18n.h"
#include "text/tz.h"
#include "text/uilocale.h"
#include "text/utf8.h"
#include "text/xalloc.h"

int owner_exists(struct store *st, struct werr *e)
{
	int64_t n = 0;
	if (staff_owner_count(st, &n, e) != 0)
		return -1;
	return n > 0;
}

/* The PIN as ASCII digits, or NULL when it is not 4-12 digits. */
static char *normal_pin(const char *pin)
{
	if (pin == NULL)
		return NULL;
	char *a = digits_to_ascii(pin);
	if (a == NULL)
		return NULL;
	char *t = utf8_trim(a);
	free(a);
	size_t n = strlen(t);
	if (n < 4 || n > 12 || strspn(t, "0123456789") != n) {
		free(t);
		return NULL;
	}
	return t;
}

static bool pin_matches(const char *pin, const char *hash)
{
	struct crypt_data data;
	memset(&data, 0, sizeof data);
	const char *h = crypt_r(pin, hash, &data);
	return h != NULL && h[0] != '*' && strcmp(h, hash) == 0;
}

/* A yescrypt hash of pin (a new string), or NULL. */
static char *hash_pin(const char *pin)
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	if (crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof salt) == NULL)
		return NULL;
	struct crypt_data data;
	memset(&data, 0, sizeof data);
	const char *h = crypt_r(pin, salt, &data);
	if (h == NULL || h[0] == '*')
		return NULL;
	return xstrdup(h);
}

int staff_login(struct store *st, const char *role, const char *pin, struct werr *e)
{
	int64_t now = clock_now(), failures, locked_until;
	struct staff_member *v = NULL;
	size_t n = 0;
	if (store_begin(st, e) != 0)
		return -1;
	if (pin_lock_get(st, role, &failures, &locked_until, e) != 0)
		goto db_fail;
	if (locked_until != TIME_NONE && now < locked_until) {
		store_rollback(st);
		int64_t wait = locked_until - now;
		char wait_text[MSG_NUM_SIZE];
		return werr_set(e, W_AUTH,
				P_("too many wrong PINs: try again in %s second",
				   "too many wrong PINs: try again in %s seconds", wait),
				msg_int(wait_text, wait));
	}
	if (staff_list(st, role, true, &v, &n, e) != 0)
		goto db_fail;
	char *p = normal_pin(pin);
	struct staff_member *found = NULL;
	for (size_t i = 0; p != NULL && i < n && found == NULL; i++)
		if (pin_matches(p, v[i].pin_hash))
			found = &v[i];
	free(p);
	if (found != NULL) {
		struct actor a = {.staff_id = found->id};
		snprintf(a.name, sizeof a.name, "%s", found->name);
		snprintf(a.role, sizeof a.role, "%s", found->role);
		store_set_actor(st, &a);
		if ((failures != 0 || locked_until != TIME_NONE) &&
		    pin_lock_set(st, role, 0, TIME_NONE, e) != 0)
			goto db_fail;
		staff_free(v, n);
		return store_commit(st, e);
	}
	/* A wrong PIN is remembered even though the command fails. */
	failures++;
	if (failures >= PIN_LOCK_FAILURES) {
		failures = 0;
		locked_until = now + PIN_LOCK_SECONDS;
	}
	if (pin_lock_set(st, role, failures, locked_until, e) != 0 || store_commit(st, e) != 0)
		goto db_fail;
	staff_free(v, n);
	if (locked_until != TIME_NONE && now < locked_until) {
		char wait_text[MSG_NUM_SIZE];
		return werr_set(e, W_AUTH,
				P_("wrong PIN; locked for %s second", "wrong PIN; locked for %s seconds",
				   PIN_LOCK_SECONDS),
				msg_int(wait_text, PIN_LOCK_SECONDS));
	}
	return werr_set(e, W_AUTH, _("wrong PIN"));
db_fail:
	staff_free(v, n);
	store_rollback(st);
	return -1;
}

int require_owner(struct op *op, struct werr *e)
{
	int has = owner_exists(op->st, e);
	if (has < 0)
		return -1;
	if (has == 0)
		return 0;
	const struct actor *a = store_actor(op->st);
	if (a->staff_id > 0 && strcmp(a->role, "owner") == 0) {
		/* Still an active owner? */
		struct staff_member *v = NULL;
		size_t n = 0;
		if (staff_list(op->st, "owner", true, &v, &n, e) != 0)
			return -1;
		bool ok = false;
		for (size_t i = 0; i < n; i++)
			ok = ok || v[i].id == a->staff_id;
		staff_free(v, n);
		if (ok)
			return 0;
	}
	return werr_set(e, W_AUTH, _("this needs the owner's PIN (--pin or WAFA_PIN)"));
}

int audit_record(struct op *op, const char *action, const char *subject, const char *before,
		 const char *after, struct werr *e)
{
	const struct actor *a = store_actor(op->st);
	struct audit_row r = {.at = op->now, .staff_id = a->staff_id,
			      .who = (char *)(a->name[0] ? a->name : ""),
			      .action = (char *)action, .subject = (char *)subject,
			      .before = (char *)before, .after = (char *)after};
	return audit_insert(op->st, &r, e);
}

int engine_audit(struct store *st, const struct actor *who, const char *action,
		 const char *subject, const char *before, const char *after, struct werr *e)
{
	struct op op;
	if (op_begin(&op, st, e) != 0)
		return -1;
	struct audit_row r = {.at = op.now, .who = (char *)(who != NULL ? who->name : ""),
			      .action = (char *)action, .subject = (char *)subject,
			      .before = (char *)before, .after = (char *)after};
	if (audit_insert(st, &r, e) != 0) {
		op_abort(&op);
		return -1;
	}
	return op_commit(&op, e);
}

int engine_staff_add(struct store *st, const char *name, const char *role, const char *pin,
		     int64_t *id, struct werr *e)
{
	if (name == NULL || !utf8_valid(name) || utf8_is_blank(name))
		return werr_set(e, W_REFUSED, _("--name: must not be empty"));
	char most[MSG_NUM_SIZE];
	if (utf8_has_controls(name) || utf8_length(name) > 100)
		return werr_set(e, W_REFUSED,
				P_("%s: at most %s letter, without control characters",
				   "%s: at most %s letters, without control characters", 100),
				"--name", msg_int(most, 100));
	if (role == NULL || (strcmp(role, "owner") != 0 && strcmp(role, "staff") != 0))
		return werr_set(e, W_REFUSED, _("--role: owner or staff"));
	char *p = normal_pin(pin);
	if (p == NULL)
		return werr_set(e, W_REFUSED, _("--pin: 4 to 12 digits"));
	char *hash = hash_pin(p);
	free(p);
	if (hash == NULL)
		return werr_set(e, W_DB, _("cannot hash the PIN on this system"));
	struct op op;
	char *trimmed = utf8_trim(name);
	if (op_begin(&op, st, e) != 0) {
		free(hash);
		free(trimmed);
		return -1;
	}
	struct staff_member m = {.name = trimmed, .role = (char *)role, .pin_hash = hash,
				 .active = true, .created_at = op.now};
	char *after = xasprintf("%s (%s)", trimmed, role);
	if (require_owner(&op, e) != 0 || staff_insert(st, &m, e) != 0 ||
	    audit_record(&op, "staff add", after, NULL, role, e) != 0) {
		free(after);
		free(hash);
		free(trimmed);
		op_abort(&op);
		return -1;
	}
	free(after);
	free(hash);
	free(trimmed);
	*id = m.id;
	return op_commit(&op, e);
}

int engine_staff_disable(struct store *st, int64_t id, struct werr *e)
{
	struct op op;
	struct staff_member *v = NULL;
	size_t n = 0;
	if (op_begin(&op, st, e) != 0)
		return -1;
	if (require_owner(&op, e) != 0 || staff_list(st, NULL, false, &v, &n, e) != 0)
		goto fail;
	struct staff_member *m = NULL;
	int64_t owners = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].id == id)
			m = &v[i];
		if (v[i].active && strcmp(v[i].role, "owner") == 0)
			owners++;
	}
	if (m == NULL || !m->active) {
		char num[MSG_NUM_SIZE];
		werr_set(e, W_REFUSED, _("no active staff member %s"), msg_id(num, id));
		goto fail;
	}
	if (strcmp(m->role, "owner") == 0 && owners <= 1) {
		werr_set(e, W_REFUSED, _("the last owner cannot be disabled"));
		goto fail;
	}
	if (staff_set_active(st, id, false, e) != 0 ||
	    audit_record(&op, "staff disable", m->name, "active", "disabled", e) != 0)
		goto fail;
	staff_free(v, n);
	return op_commit(&op, e);
fail:
	staff_free(v, n);
	op_abort(&op);
	return -1;
}
