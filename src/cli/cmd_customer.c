/* cmd_customer.c -- customer add|show|find|edit|deactivate|activate. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "engine/customer.h"
#include "engine/points.h"
#include "store/customers.h"
#include "text/i18n.h"
#include "text/phone.h"
#include "text/tz.h"
#include "text/xalloc.h"

#define LABEL_WIDTH 16

static int parse_consent(const char *text, int *out, struct werr *e)
{
	if (text == NULL) {
		*out = -1;
		return 0;
	}
	if (strcmp(text, "yes") == 0 || strcmp(text, "1") == 0) {
		*out = 1;
		return 0;
	}
	if (strcmp(text, "no") == 0 || strcmp(text, "0") == 0) {
		*out = 0;
		return 0;
	}
	return werr_set(e, W_REFUSED, _("--consent: yes or no"));
}

/* The options shared by add and edit. */
struct fields {
	const char *name, *phone, *ext, *birthday, *email, *referrer, *consent, *note, *at;
};

static int to_input(struct cli *cli, const struct fields *f, struct customer_input *in,
		    struct werr *e)
{
	in->name = f->name;
	in->phone = f->phone;
	in->external_id = f->ext;
	in->birthday = f->birthday;
	in->email = f->email;
	in->referrer = f->referrer;
	in->note = f->note;
	if (parse_consent(f->consent, &in->consent, e) != 0)
		return -1;
	if (f->at != NULL && cli_time(cli, "--at", f->at, &in->at, e) != 0)
		return -1;
	return 0;
}

static void print_added(struct cli *cli, const struct customer *c)
{
	const char *tz = cli->shop.p.timezone;
	if (cli->json) {
		json_object_begin(&cli->j);
		json_kv_int(&cli->j, "id", c->id);
		json_kv_string(&cli->j, "card", c->card);
		json_kv_string(&cli->j, "name", c->name);
		json_kv_string(&cli->j, "phone", c->phone);
		json_kv_string(&cli->j, "external_id", c->external_id);
		json_kv_time(&cli->j, "enrolled_at", c->enrolled_at, tz);
		json_object_end(&cli->j);
		json_finish(&cli->j);
		return;
	}
	char *id = cli_fmt_int(cli, c->id);
	fprintf(cli->out, _("Customer %s enrolled: %s\n"), id, c->name);
	free(id);
	char *card = fmt_digits(cli->loc, c->card);
	cli_line(cli, LABEL_WIDTH, _("Card"), card);
	free(card);
	if (c->phone != NULL) {
		char *p = phone_format(c->phone);
		char *pl = fmt_digits(cli->loc, p);
		cli_line(cli, LABEL_WIDTH, _("Phone"), pl);
		free(p);
		free(pl);
	}
}

static int add_run(struct cli *cli, int argc, char **argv)
{
	struct fields f = {0};
	const struct cli_opt opts[] = {
		{"name", &f.name, false},        {"phone", &f.phone, false},
		{"external-id", &f.ext, false},  {"birthday", &f.birthday, false},
		{"email", &f.email, false},      {"referrer", &f.referrer, false},
		{"consent", &f.consent, false},  {"note", &f.note, false},
		{"at", &f.at, false},            {NULL, NULL, false},
	};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	if (f.name == NULL)
		return cli_usage(cli_current(), _("customer add needs --name"));
	struct werr e = {0};
	struct customer_input in = CUSTOMER_INPUT_INIT;
	struct customer c = {0};
	if (to_input(cli, &f, &in, &e) != 0 ||
	    engine_customer_add(cli->st, &in, &c, NULL, &e) != 0)
		return cli_fail(&e);
	print_added(cli, &c);
	customer_clear(&c);
	return EXIT_DONE;
}

static int edit_run(struct cli *cli, int argc, char **argv)
{
	struct fields f = {0};
	const char *pos[1] = {0};
	const struct cli_opt opts[] = {
		{"name", &f.name, false},        {"phone", &f.phone, false},
		{"external-id", &f.ext, false},  {"birthday", &f.birthday, false},
		{"email", &f.email, false},      {"referrer", &f.referrer, false},
		{"consent", &f.consent, false},  {"note", &f.note, false},
		{NULL, NULL, false},
	};
	int r = cli_parse(argc, argv, opts, pos, 1, 1);
	if (r != 0)
		return r;
	struct werr e = {0};
	struct customer_input in = CUSTOMER_INPUT_INIT;
	int64_t id;
	if (cli_customer(cli, pos[0], &id, &e) != 0 || to_input(cli, &f, &in, &e) != 0 ||
	    engine_customer_edit(cli->st, id, &in, NULL, &e) != 0)
		return cli_fail(&e);
	struct customer c = {0};
	if (customer_get(cli->st, id, &c, &e) <= 0)
		return cli_fail(&e);
	print_added(cli, &c);
	customer_clear(&c);
	return EXIT_DONE;
}

static int set_active(struct cli *cli, int argc, char **argv, bool active)
{
	const char *pos[1] = {0};
	const struct cli_opt opts[] = {{NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, pos, 1, 1);
	if (r != 0)
		return r;
	struct werr e = {0};
	int64_t id;
	if (cli_customer(cli, pos[0], &id, &e) != 0 ||
	    engine_customer_set_active(cli->st, id, active, &e) != 0)
		return cli_fail(&e);
	if (cli->json) {
		json_object_begin(&cli->j);
		json_kv_int(&cli->j, "id", id);
		json_kv_bool(&cli->j, "active", active);
		json_object_end(&cli->j);
		json_finish(&cli->j);
	} else {
		char *n = cli_fmt_int(cli, id);
		fprintf(cli->out, active ? _("Customer %s is active again.\n")
					 : _("Customer %s is now inactive.\n"),
			n);
		free(n);
	}
	return EXIT_DONE;
}

static int deactivate_run(struct cli *cli, int argc, char **argv)
{
	return set_active(cli, argc, argv, false);
}

static int activate_run(struct cli *cli, int argc, char **argv)
{
	return set_active(cli, argc, argv, true);
}

static void show_text(struct cli *cli, const struct customer_view *v)
{
	const struct customer *c = &v->c;
	char *s;
	fprintf(cli->out, "%s\n", c->name);
	s = cli_fmt_int(cli, c->id);
	cli_line(cli, LABEL_WIDTH, _("Customer"), s);
	free(s);
	s = fmt_digits(cli->loc, c->card);
	cli_line(cli, LABEL_WIDTH, _("Card"), s);
	free(s);
	if (c->phone != NULL) {
		char *p = phone_format(c->phone);
		s = fmt_digits(cli->loc, p);
		cli_line(cli, LABEL_WIDTH, _("Phone"), s);
		free(p);
		free(s);
	}
	if (c->external_id != NULL)
		cli_line(cli, LABEL_WIDTH, _("External id"), c->external_id);
	if (c->email != NULL)
		cli_line(cli, LABEL_WIDTH, _("Email"), c->email);
	if (c->birthday != NULL) {
		s = fmt_digits(cli->loc, c->birthday);
		cli_line(cli, LABEL_WIDTH, _("Birthday"), s);
		free(s);
	}
	cli_line(cli, LABEL_WIDTH, _("Tier"), v->tier != NULL ? v->tier->name : "");
	char *pts = cli_fmt_int(cli, v->points);
	char *worth = cli_fmt_money(cli, v->points > 0 ? v->points * cli->shop.p.point_value : 0);
	s = xasprintf(P_("%s point (worth %s)", "%s points (worth %s)", v->points), pts, worth);
	cli_line(cli, LABEL_WIDTH, _("Balance"), s);
	free(s);
	free(pts);
	free(worth);
	s = cli_fmt_money(cli, v->window_spend);
	cli_line(cli, LABEL_WIDTH, _("Window spend"), s);
	free(s);
	if (v->next_tier != NULL) {
		char *miss = cli_fmt_money(cli, v->next_tier->min_spend - v->window_spend);
		s = xasprintf(_("%s more to reach %s"), miss, v->next_tier->name);
		cli_line(cli, LABEL_WIDTH, _("Next tier"), s);
		free(s);
		free(miss);
	}
	s = cli_fmt_int(cli, c->sales_count);
	cli_line(cli, LABEL_WIDTH, _("Purchases"), s);
	free(s);
	s = cli_fmt_time(cli, c->first_sale_at);
	cli_line(cli, LABEL_WIDTH, _("First purchase"), s);
	free(s);
	s = cli_fmt_time(cli, c->last_sale_at);
	cli_line(cli, LABEL_WIDTH, _("Last purchase"), s);
	free(s);
	s = cli_fmt_time(cli, c->enrolled_at);
	cli_line(cli, LABEL_WIDTH, _("Member since"), s);
	free(s);
	cli_line(cli, LABEL_WIDTH, _("Contact"), c->consent ? _("yes") : _("no"));
	if (!c->active)
		cli_line(cli, LABEL_WIDTH, _("Status"), _("inactive"));
	if (c->note != NULL)
		cli_line(cli, LABEL_WIDTH, _("Note"), c->note);
}

static int show_run(struct cli *cli, int argc, char **argv)
{
	const char *pos[1] = {0};
	const struct cli_opt opts[] = {{NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, pos, 1, 1);
	if (r != 0)
		return r;
	struct werr e = {0};
	int64_t id;
	struct customer_view v;
	if (cli_customer(cli, pos[0], &id, &e) != 0 ||
	    customer_view_load(cli->st, &cli->shop, id, clock_now(), &v, &e) != 0)
		return cli_fail(&e);
	const char *tz = cli->shop.p.timezone;
	if (cli->json) {
		struct json *j = &cli->j;
		json_object_begin(j);
		json_kv_int(j, "id", v.c.id);
		json_kv_string(j, "name", v.c.name);
		json_kv_string(j, "phone", v.c.phone);
		json_kv_string(j, "card", v.c.card);
		json_kv_string(j, "external_id", v.c.external_id);
		json_kv_string(j, "email", v.c.email);
		json_kv_string(j, "birthday", v.c.birthday);
		json_kv_string(j, "tier", v.tier != NULL ? v.tier->name : NULL);
		json_kv_int(j, "points", v.points);
		json_kv_int(j, "points_value", v.points > 0 ? v.points * cli->shop.p.point_value : 0);
		json_kv_int(j, "window_spend", v.window_spend);
		json_kv_string(j, "next_tier", v.next_tier != NULL ? v.next_tier->name : NULL);
		json_key(j, "next_tier_missing");
		if (v.next_tier != NULL)
			json_int(j, v.next_tier->min_spend - v.window_spend);
		else
			json_null(j);
		json_kv_int(j, "sales", v.c.sales_count);
		json_kv_int(j, "spend", v.c.spend);
		json_kv_time(j, "first_sale", v.c.first_sale_at, tz);
		json_kv_time(j, "last_sale", v.c.last_sale_at, tz);
		json_kv_time(j, "enrolled_at", v.c.enrolled_at, tz);
		json_key(j, "referrer_id");
		if (v.c.referrer_id > 0)
			json_int(j, v.c.referrer_id);
		else
			json_null(j);
		json_kv_int(j, "referrals", v.referrals);
		json_kv_bool(j, "consent", v.c.consent);
		json_kv_bool(j, "active", v.c.active);
		json_kv_string(j, "note", v.c.note);
		json_object_end(j);
		json_finish(j);
	} else {
		show_text(cli, &v);
	}
	customer_view_clear(&v);
	return EXIT_DONE;
}

static int find_run(struct cli *cli, int argc, char **argv)
{
	const char *pos[1] = {0}, *limit_text = NULL;
	const struct cli_opt opts[] = {{"limit", &limit_text, false}, {NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, pos, 1, 1);
	if (r != 0)
		return r;
	struct werr e = {0};
	int64_t limit = 20;
	if (limit_text != NULL && cli_int("--limit", limit_text, 1, 1000, &limit, &e) != 0)
		return cli_fail(&e);
	struct customer_hit *hits = NULL;
	size_t n = 0;
	if (customer_search(cli->st, pos[0], cli->shop.p.country_code, (size_t)limit, &hits, &n,
			    &e) != 0)
		return cli_fail(&e);
	int64_t now = clock_now();
	if (cli->json)
		json_array_begin(&cli->j);
	for (size_t i = 0; i < n; i++) {
		struct customer_view v;
		if (customer_view_load(cli->st, &cli->shop, hits[i].id, now, &v, &e) != 0) {
			customer_hits_free(hits, n);
			return cli_fail(&e);
		}
		const char *tier = v.tier != NULL ? v.tier->name : "";
		if (cli->json) {
			json_object_begin(&cli->j);
			json_kv_int(&cli->j, "id", hits[i].id);
			json_kv_string(&cli->j, "name", hits[i].name);
			json_kv_string(&cli->j, "phone", hits[i].phone);
			json_kv_string(&cli->j, "card", hits[i].card);
			json_kv_string(&cli->j, "tier", tier);
			json_kv_int(&cli->j, "points", v.points);
			json_object_end(&cli->j);
		} else {
			char *id = cli_fmt_int(cli, hits[i].id);
			char *ph = hits[i].phone != NULL ? phone_format(hits[i].phone) : xstrdup("");
			char *phl = fmt_digits(cli->loc, ph);
			char *pts = cli_fmt_int(cli, v.points);
			cli_printf(cli, "%6s  %-28s %-15s %-10s %s\n", id, hits[i].name, phl, tier,
				pts);
			free(id);
			free(ph);
			free(phl);
			free(pts);
		}
		customer_view_clear(&v);
	}
	if (cli->json) {
		json_array_end(&cli->j);
		json_finish(&cli->j);
	} else if (n == 0) {
		fprintf(cli->out, _("No customer matches \"%s\".\n"), pos[0]);
	}
	customer_hits_free(hits, n);
	return EXIT_DONE;
}

static int list_run(struct cli *cli, int argc, char **argv)
{
	const char *all_flag = NULL;
	const struct cli_opt opts[] = {{"all", &all_flag, true}, {NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	struct werr e = {0};
	struct sort_pos after = {0};
	bool have_after = false;
	size_t total = 0;
	if (cli->json)
		json_array_begin(&cli->j);
	for (;;) {
		struct customer_hit *hits = NULL;
		struct sort_pos *pos = NULL;
		size_t n = 0;
		if (customer_page(cli->st, have_after ? &after : NULL, false, 500, all_flag != NULL,
				  &hits, &pos, &n, &e) != 0) {
			free(after.key);
			return cli_fail(&e);
		}
		for (size_t i = 0; i < n; i++) {
			const struct customer_hit *h = &hits[i];
			int64_t points;
			if (customer_hit_points(cli->st, &cli->shop, h, clock_now(), &points, &e) != 0) {
				sort_pos_free(pos, n);
				customer_hits_free(hits, n);
				free(after.key);
				return cli_fail(&e);
			}
			if (cli->json) {
				json_object_begin(&cli->j);
				json_kv_int(&cli->j, "id", h->id);
				json_kv_string(&cli->j, "name", h->name);
				json_kv_string(&cli->j, "phone", h->phone);
				json_kv_string(&cli->j, "card", h->card);
				json_kv_int(&cli->j, "points", points);
				json_kv_bool(&cli->j, "active", h->active);
				json_object_end(&cli->j);
				continue;
			}
			char *id = cli_fmt_int(cli, h->id);
			char *ph = h->phone != NULL ? phone_format(h->phone) : xstrdup("");
			char *phl = fmt_digits(cli->loc, ph);
			char *pts = cli_fmt_int(cli, points);
			cli_printf(cli, "%6s  %-28s %-15s %s\n", id, h->name, phl, pts);
			free(id);
			free(ph);
			free(phl);
			free(pts);
		}
		total += n;
		if (n > 0) {
			free(after.key);
			after = pos[n - 1];
			pos[n - 1].key = NULL;
			have_after = true;
		}
		sort_pos_free(pos, n);
		customer_hits_free(hits, n);
		if (n < 500)
			break;
	}
	free(after.key);
	if (cli->json) {
		json_array_end(&cli->j);
		json_finish(&cli->j);
	} else if (total == 0) {
		fputs(_("No customers yet.\n"), cli->out);
	}
	return EXIT_DONE;
}

const struct cli_command cmd_customer_commands[] = {
	{"customer", "list", list_run, NEEDS_SHOP, N_("customer list [--all]"),
	 N_("every active customer in name order, with points (--all: inactive too)")},
	{"customer", "add", add_run, NEEDS_SHOP,
	 N_("customer add --name NAME [--phone PHONE] [--external-id ID] [--birthday DATE] "
	    "[--email E] [--referrer REF] [--consent yes|no] [--note T] [--at T]"),
	 N_("enrol a customer")},
	{"customer", "show", show_run, NEEDS_SHOP, N_("customer show REF"),
	 N_("show a customer: tier, points, purchases")},
	{"customer", "find", find_run, NEEDS_SHOP, N_("customer find QUERY [--limit N]"),
	 N_("find customers by name, phone, card or external id")},
	{"customer", "edit", edit_run, NEEDS_SHOP,
	 N_("customer edit REF [--name NAME] [--phone PHONE] [--external-id ID] [--birthday DATE] "
	    "[--email E] [--referrer REF] [--consent yes|no] [--note T]"),
	 N_("change a customer's details (an empty value clears an optional field)")},
	{"customer", "deactivate", deactivate_run, NEEDS_OWNER, N_("customer deactivate REF"),
	 N_("mark a customer inactive, keeping the history (owner)")},
	{"customer", "activate", activate_run, NEEDS_OWNER, N_("customer activate REF"),
	 N_("make an inactive customer active again (owner)")},
	{NULL, NULL, NULL, NEEDS_NOTHING, NULL, NULL},
};
