/* keys.c -- the key table and the global keys. */
#include <config.h>

#include "tui/keys.h"

#include <curses.h>

#include "text/i18n.h"

const struct key_binding key_bindings[] = {
	{ACT_HELP, "F1", N_("Help"), N_("This help: every key of the program.")},
	{ACT_CUSTOMERS, "F2", N_("Customers"),
	 N_("Find a customer by name, phone or card; Enter opens the card.")},
	{ACT_PURCHASE, "F3", N_("Purchase"),
	 N_("Record a purchase: the customer, the amount, Enter.")},
	{ACT_REDEEM, "F4", N_("Redeem"), N_("Exchange a customer's points for a reward.")},
	{ACT_SURVEY, "F5", N_("Survey"),
	 N_("The call list: ask customers how likely they are to recommend the shop.")},
	{ACT_MONTH, "F6", N_("Month"), N_("The owner's monthly loyalty figures.")},
	{ACT_ENROLL, "F7", N_("Enroll"), N_("Enroll a new customer.")},
	{ACT_SETTINGS, "F9", N_("Settings"), N_("The program, tiers, rewards catalog.")},
	{ACT_QUIT, "F10", N_("Quit"), N_("Leave wafa (Ctrl-Q too); it asks only if a form holds "
					"typed input.")},
	{ACT_BACK, "Esc", N_("Back"), N_("Back to the screen before; in a form, cancel.")},
	{ACT_SAVE, "Ctrl-S", N_("Save"), N_("Save the form from any field.")},
	{ACT_NEXT_FIELD, "Tab", N_("Next"),
	 N_("Next field (also Down, and Enter, which saves on the last field).")},
	{ACT_PREV_FIELD, "Shift-Tab", N_("Previous"), N_("Previous field (also Up).")},
	{ACT_OPEN, "Enter", N_("Open"), N_("In a list: open the highlighted row.")},
	{ACT_PREV_MONTH, "\u2190", N_("Earlier"),
	 N_("Month screen: the month before (in Persian and Arabic \u2192: the earlier month "
	    "is on the right).")},
	{ACT_NEXT_MONTH, "\u2192", N_("Later"),
	 N_("Month screen: the month after (in Persian and Arabic \u2190).")},
	{ACT_EDIT, "e", N_("Edit"), N_("Customer card: change the customer's details.")},
	{ACT_ADJUST, "a", N_("Adjust"), N_("Customer card: correct the points by hand (owner).")},
	{ACT_RETURN, "r", N_("Return"), N_("Customer card: goods coming back from a purchase.")},
	{ACT_TOP, "t", N_("Top"), N_("Month screen: the best customers of the month.")},
	{ACT_AT_RISK, "r", N_("At risk"), N_("Month screen: customers close to lapsing.")},
	{ACT_EXPIRING, "x", N_("Expiring"), N_("Month screen: points about to expire.")},
	{ACT_DETRACTORS, "d", N_("Detractors"), N_("Detractor follow-ups still open.")},
	{ACT_EXPORT, "c", N_("Export"), N_("Month screen: write the figures to a CSV file.")},
	{ACT_NO_ANSWER, "n", N_("No answer"), N_("Survey: the customer did not answer.")},
	{ACT_CALL_BACK, "l", N_("Call later"), N_("Survey: call back later.")},
	{ACT_REFUSED, "r", N_("Refused"), N_("Survey: the customer does not want to answer.")},
	{ACT_FOLLOW_UPS, "f", N_("Follow-ups"), N_("Survey: detractor follow-ups to close.")},
	{ACT_NEW, "Enter", N_("New"), N_("After a purchase: the next one.")},
	/* TRANSLATORS: key bar: take the highlighted customer of the list. */
	{ACT_PICK, "Enter", N_("Choose"),
	 N_("Purchase and redeem: take the highlighted customer (Up and Down move the "
	    "highlight).")},
	/* TRANSLATORS: key bar: record the sale. */
	{ACT_RECORD, "Enter", N_("Record"),
	 N_("Purchase: Enter in the amount field records the sale.")},
	{ACT_PAY_POINTS, "Tab", N_("Pay with points"),
	 N_("Purchase: Tab from the amount goes to the points that pay part of it.")},
	/* TRANSLATORS: key bar: exchange points for the highlighted reward. */
	{ACT_REDEEM_REWARD, "Enter", N_("Redeem it"),
	 N_("Redeem: exchange points for the highlighted reward (asks first).")},
	{ACT_CONTINUE, "Enter", N_("Continue"), N_("After a voucher: back to the rewards.")},
	/* TRANSLATORS: key bar: back to the customer field. */
	{ACT_CUSTOMER_FIELD, "Tab", N_("Customer"),
	 N_("Redeem: back to the customer field to choose another customer.")},
	{ACT_ANSWER, "Enter", N_("Answer"),
	 N_("Survey: enter the customer's answer (score 0-10: a digit; 1 then 0 for 10).")},
	{ACT_CLOSE_FOLLOW_UP, "Enter", N_("Close"),
	 N_("Survey follow-ups: close the highlighted one with a note.")},
	{ACT_SECTION, "Tab", N_("Section"),
	 N_("Settings: the next section (program, tiers, rewards catalog).")},
	{ACT_ADD, "n", N_("Add"), N_("Settings: add a tier or a reward.")},
	{ACT_CHANGE, "Enter", N_("Change"),
	 N_("Settings: change the highlighted value, tier or reward.")},
	/* TRANSLATORS: key bar of the customer list: show inactive customers too (or not). */
	{ACT_SHOW_INACTIVE, "F8", N_("Inactive too"),
	 N_("Customers: show inactive customers in the list too, or only the active ones.")},
	/* TRANSLATORS: key bar of the customer card: the next list (points, purchases, surveys). */
	{ACT_VIEW, "Tab", N_("View"),
	 N_("Customer card: the points history, the purchases or the surveys.")},
	{ACT_DEACTIVATE, "i", N_("Deactivate"),
	 N_("Customer card: mark the customer inactive; the history is kept (owner).")},
	{ACT_REACTIVATE, "i", N_("Reactivate"),
	 N_("Customer card: make an inactive customer active again (owner).")},
	{ACT_BIDI_CHECK, "b", N_("BiDi check"),
	 N_("Settings: does right-to-left text read correctly on this terminal?")},
};
const size_t key_nbindings = sizeof key_bindings / sizeof key_bindings[0];

const struct key_binding *key_binding_of(enum action a)
{
	for (size_t i = 0; i < key_nbindings; i++)
		if (key_bindings[i].action == a)
			return &key_bindings[i];
	return NULL;
}

/* Keys whose side follows the layout, named for a right-to-left one
 * (scr_month.c mirrors its arrows and their keys). */
static const struct {
	enum action action;
	const char *keys;
} mirrored_keys[] = {
	{ACT_PREV_MONTH, "\u2192"},
	{ACT_NEXT_MONTH, "\u2190"},
};

const char *binding_keys(const struct key_binding *b, bool rtl)
{
	if (rtl)
		for (size_t i = 0; i < sizeof mirrored_keys / sizeof mirrored_keys[0]; i++)
			if (mirrored_keys[i].action == b->action)
				return mirrored_keys[i].keys;
	return b->keys;
}

static enum action function_key(int n)
{
	switch (n) {
	case 1:
		return ACT_HELP;
	case 2:
		return ACT_CUSTOMERS;
	case 3:
		return ACT_PURCHASE;
	case 4:
		return ACT_REDEEM;
	case 5:
		return ACT_SURVEY;
	case 6:
		return ACT_MONTH;
	case 7:
		return ACT_ENROLL;
	case 9:
		return ACT_SETTINGS;
	case 10:
		return ACT_QUIT;
	default:
		return ACT_NONE;
	}
}

enum action key_global_action(const struct key *k, bool home)
{
	if (k->code >= KEY_F(1) && k->code <= KEY_F(10))
		return function_key(k->code - KEY_F(0));
	if (k->ch == KEY_CTRL('q'))
		return ACT_QUIT;
	if (k->ch == 27)
		return ACT_BACK;
	if (home && k->ch >= '1' && k->ch <= '9')
		return function_key((int)(k->ch - '0'));
	return ACT_NONE;
}

bool key_is(const struct key *k, wint_t c)
{
	return k->code == 0 && k->ch == c;
}
