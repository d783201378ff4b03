/* demo.c -- `wafa demo`: a believable shop, generated through the rules.
 *
 * How the history is made:
 *
 * 1. The days.  Every local day of the period gets a weight (how busy
 *    the shop is: weekday, season, holidays of the shop's culture, found
 *    with ICU's persian and islamic-umalqura calendars), a basket factor
 *    and a profile of opening hours.  Cumulative weights turn "n ordinary
 *    days later" into a date, so that every customer's visits crowd
 *    before Nowruz or Eid and thin out on Fridays and holidays.
 * 2. The customers.  Each has a kind (never buys, once, now and then,
 *    regular), a first visit drawn from the days' weights (the program's
 *    launch brings a wave of sign-ups), a basket size and, for regulars,
 *    a rhythm and perhaps a time when they lapse.  Ids follow enrolment
 *    time; referrers are earlier customers.
 * 3. The events.  One priority queue holds every customer's next event
 *    (visit, return, redemption, survey call) and replays them in time
 *    order.  Each operation does what the counter does (sale.c,
 *    reward.c, points.c): expiry up to its instant (rule_expiry), the
 *    tier held before (rule_window_spend, rule_tier_index), earning
 *    (rule_earned), returns (rule_return_split), the tier after, with the
 *    tier history, and the customer's summaries -- over in-memory state
 *    instead of the database.  Reward stock is shared, so redemptions
 *    see it in time order.
 * 4. The end.  Expiry is applied to every customer up to now, as
 *    `wafa expire` does (setting expiry_mark), the customers are written
 *    with their final summaries, and the few who left for good are made
 *    inactive through engine_customer_set_active (with its audit row).
 *
 * The state kept per customer stays small: the ledger is folded as it
 * goes (entries whose part in rule 5 is settled become one entry of
 * their sum, which gives rule_expiry the same answers), only the sales of
 * the tier window are kept, and once nothing more will happen to a
 * customer their tier at now is computed and the window freed.
 *
 * Checked against the engine itself: replaying every generated event
 * through the `wafa` commands (WAFA_NOW at each event) gives the same
 * rows in every table, ids included.
 *
 * Randomness: splitmix64 streams, one per customer and one for the
 * shop, all from the seed; the few floating-point functions needed are
 * written here so that the result does not depend on libm. */
#include <config.h>

#include "engine/demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/customer.h"
#include "engine/reward.h"
#include "engine/rules.h"
#include "engine/shop.h"
#include "store/bulk.h"
#include "store/customers.h"
#include "store/ledger.h"
#include "store/rewards.h"
#include "store/sales.h"
#include "store/settings.h"
#include "store/surveys.h"
#include "text/calendar.h"
#include "text/collate.h"
#include "text/digits.h"
#include "text/embedded.h"
#include "text/fold.h"
#include "text/i18n.h"
#include "text/phone.h"
#include "text/tz.h"
#include "text/uilocale.h"
#include "text/xalloc.h"

/* The name lists of data/names, compiled in by build-aux/embed.sh. */
extern const struct embedded_file demo_name_lists[];

#define HOUR INT64_C(3600)
#define NO_TIER (-1)
#define NO_SLOT UINT32_MAX

/* ---- numbers ---------------------------------------------------------- */

static uint64_t rnd(uint64_t *s)
{
	uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* A uniform number in [0, 1). */
static double unit(uint64_t *s)
{
	return (double)(rnd(s) >> 11) * (1.0 / 9007199254740992.0);
}

static bool chance(uint64_t *s, double p)
{
	return unit(s) < p;
}

/* A whole number in [lo, hi]. */
static int64_t between(uint64_t *s, int64_t lo, int64_t hi)
{
	return lo + (int64_t)(rnd(s) % (uint64_t)(hi - lo + 1));
}

static const double LN2 = 0.69314718055994530942;

static double d_exp(double x)
{
	if (x > 40)
		x = 40;
	if (x < -40)
		x = -40;
	int n = (int)(x / LN2);
	if (x < n * LN2)
		n--;
	double r = x - n * LN2, term = 1, sum = 1;
	for (int k = 1; k < 15; k++) {
		term *= r / k;
		sum += term;
	}
	for (; n > 0; n--)
		sum *= 2;
	for (; n < 0; n++)
		sum /= 2;
	return sum;
}

static double d_log(double x) /* x > 0 */
{
	int k = 0;
	while (x >= 2) {
		x /= 2;
		k++;
	}
	while (x < 1) {
		x *= 2;
		k--;
	}
	double z = (x - 1) / (x + 1), z2 = z * z, term = z, sum = 0;
	for (int i = 1; i < 40; i += 2) {
		sum += term / i;
		term *= z2;
	}
	return 2 * sum + k * LN2;
}

/* About N(0, 1): the sum of four uniforms, centred and scaled (plenty
 * for baskets and habits). */
static double normal(uint64_t *s)
{
	double x = 0;
	for (int i = 0; i < 4; i++)
		x += unit(s);
	return (x - 2) * 1.7320508075688772;
}

static double lognormal(uint64_t *s, double sigma)
{
	return d_exp(sigma * normal(s));
}

static double exponential(uint64_t *s, double mean)
{
	return -mean * d_log(1 - unit(s));
}

/* An index drawn with the given weights. */
static size_t pick_weighted(uint64_t *s, const uint8_t *w, size_t n)
{
	unsigned total = 0;
	for (size_t i = 0; i < n; i++)
		total += w[i];
	unsigned r = (unsigned)(rnd(s) % (total ? total : 1));
	for (size_t i = 0; i < n; i++) {
		if (r < w[i])
			return i;
		r -= w[i];
	}
	return n - 1;
}

/* One of a NULL-terminated list of texts. */
static const char *pick_text(uint64_t *s, const char *const *list)
{
	size_t n = 0;
	while (list[n] != NULL)
		n++;
	return list[rnd(s) % n];
}

/* ---- what each language's shop is like -------------------------------- */

enum season { SEASON_NONE, SEASON_NOWRUZ, SEASON_EID, SEASON_WINTER };

struct tier_def {
	const char *name;
	int64_t min_spend; /* minor units */
	int multiplier, discount;
};

struct reward_def {
	const char *code, *name;
	int64_t points, copay, stock; /* copay in minor units; stock or STOCK_UNLIMITED */
	enum season season;           /* offered only around this feast */
};

enum text_list {
	TX_PROMOTER, TX_PASSIVE, TX_DETRACTOR, TX_FOLLOW_UP, TX_CONTACT, TX_NOTE, TX__COUNT
};

struct profile {
	const char *lang;
	/* The shop `demo` creates (see the table in the header comment of
	 * cmd_demo.c for why these values). */
	const char *currency;
	int decimals;
	int64_t earn_unit, point_value; /* minor units */
	enum cal_kind calendar;
	const char *timezone, *shop;
	struct tier_def tiers[3];
	struct reward_def rewards[6];
	/* Money of the purchases. */
	int64_t median;     /* a typical basket */
	int64_t step;       /* amounts are whole multiples of this */
	bool price_endings; /* .00, .50 and .95 endings (two decimals) */
	/* Mobile numbers: a prefix and a 7-digit subscriber number. */
	const char *const *prefixes;
	const char *country; /* "+98" */
	enum digit_script native;
	const char *const *texts[TX__COUNT];
};

static const char *const fa_prefixes[] = {
	"0912", "0912", "0912", "0919", "0935", "0936", "0937", "0938", "0939", "0901", "0902",
	"0903", "0910", "0911", "0913", "0914", "0915", "0917", "0918", "0921", "0922", "0930",
	"0933", NULL};
static const char *const sa_prefixes[] = {"050", "053", "054", "055", "056", "057", "058",
					  "059", NULL};
static const char *const ae_prefixes[] = {"050", "052", "054", "055", "056", "058", NULL};

static const char *const fa_promoter[] = {
	"برخورد فروشنده‌ها عالی بود", "همیشه اجناس تازه دارید", "قیمت‌ها منصفانه است",
	"از خرید راضی هستم، ممنون", "فروشگاه تمیز و مرتب است", "امتیازهای باشگاه مشتریان عالی است",
	NULL};
static const char *const fa_passive[] = {
	"خوب بود ولی صف صندوق طولانی بود", "قیمت‌ها کمی بالاست", "تنوع کالا می‌تواند بیشتر باشد",
	"در کل راضی‌ام", NULL};
static const char *const fa_detractor[] = {
	"جنس معیوب بود و تعویض نکردند", "از جاهای دیگر گران‌تر است", "فروشنده بی‌حوصله بود",
	"کالایی که می‌خواستم موجود نبود", "جای پارک ندارد", NULL};
static const char *const fa_follow_up[] = {
	"تماس گرفتیم، عذرخواهی کردیم و کد تخفیف دادیم", "کالا تعویض شد",
	"مدیر فروشگاه صحبت کرد و مشکل حل شد", "جواب نداد؛ پیامک عذرخواهی فرستادیم", NULL};
static const char *const fa_contact[] = {"خاموش بود", "گفت بعداً تماس بگیرید",
					 "تمایلی به نظرسنجی نداشت", NULL};
static const char *const fa_note[] = {"ترجیح می‌دهد با پیامک خبر شود", "مشتری قدیمی محله",
				      "فاکتور رسمی می‌خواهد", "بیشتر عصرها خرید می‌کند", NULL};

static const char *const ar_promoter[] = {
	"خدمة ممتازة وتعامل راقٍ", "المنتجات دائمًا طازجة", "الأسعار مناسبة جدًا",
	"تجربة تسوق رائعة، شكرًا لكم", "المحل نظيف ومرتب", "نقاط الولاء مفيدة فعلًا", NULL};
static const char *const ar_passive[] = {
	"جيد لكن الانتظار عند الكاشير طويل", "الأسعار مرتفعة قليلًا",
	"أتمنى تنوعًا أكبر في المنتجات", "راضٍ بشكل عام", NULL};
static const char *const ar_detractor[] = {
	"المنتج كان تالفًا ولم يُستبدل", "الأسعار أغلى من المحلات الأخرى",
	"الموظف لم يكن متعاونًا", "المنتج الذي أريده غير متوفر", "لا توجد مواقف للسيارات", NULL};
static const char *const ar_follow_up[] = {
	"تم الاتصال والاعتذار ومنحه قسيمة خصم", "تم استبدال المنتج",
	"تحدث معه المدير وحُلّت المشكلة", "لم يرد؛ أُرسلت رسالة اعتذار", NULL};
static const char *const ar_contact[] = {"الهاتف مغلق", "طلب الاتصال لاحقًا",
					 "لا يرغب في المشاركة", NULL};
static const char *const ar_note[] = {"يفضل التواصل عبر واتساب", "عميل قديم من الحي",
				      "يطلب فاتورة ضريبية", "يتسوق مساءً غالبًا", NULL};

static const char *const en_promoter[] = {
	"Friendly staff, always helpful", "Great selection and fresh stock",
	"Fair prices and a quick checkout", "Love the loyalty rewards",
	"Clean and well organised shop", NULL};
static const char *const en_passive[] = {"Good, but the queue was long",
					 "Prices are a bit high", "Would like more choice",
					 "Fine overall", NULL};
static const char *const en_detractor[] = {
	"The item was faulty and they would not exchange it", "More expensive than the supermarket",
	"Staff seemed uninterested", "What I wanted was out of stock", "Parking is a nightmare",
	NULL};
static const char *const en_follow_up[] = {
	"Called, apologised and gave a discount voucher", "Exchanged the item",
	"The manager spoke to the customer; resolved", "No answer; sent an apology by SMS", NULL};
static const char *const en_contact[] = {"Phone switched off", "Asked us to call back later",
					 "Not interested in surveys", NULL};
static const char *const en_note[] = {"Prefers WhatsApp", "Long-time neighbour",
				      "Needs a VAT invoice", "Usually shops in the evening", NULL};

static const struct profile profiles[] = {
	{
		.lang = "fa", .currency = "IRT", .decimals = 0, .earn_unit = 10000,
		.point_value = 100, .calendar = CAL_PERSIAN, .timezone = "Asia/Tehran",
		.shop = "فروشگاه گلستان",
		.tiers = {{"برنزی", 0, 100, 0}, {"نقره‌ای", 10000000, 125, 2},
			  {"طلایی", 25000000, 150, 5}},
		.rewards = {
			{"BAG", "کیسه خرید پارچه‌ای", 300, 0, 400, SEASON_NONE},
			{"MUG", "ماگ سرامیکی گلستان", 500, 0, 150, SEASON_NONE},
			{"SWEETS", "یک جعبه شیرینی دانمارکی", 800, 0, STOCK_UNLIMITED, SEASON_NONE},
			{"GIFT100", "کارت هدیه ۱۰۰ هزار تومانی", 1000, 0, STOCK_UNLIMITED, SEASON_NONE},
			{"NOWRUZ", "سبد هفت‌سین نوروزی", 1500, 0, 60, SEASON_NOWRUZ},
			{"IRON", "اتوی بخار", 5000, 990000, 20, SEASON_NONE},
		},
		.median = 450000, .step = 1000, .price_endings = false,
		.prefixes = fa_prefixes, .country = "+98", .native = DIGITS_PERSIAN,
		.texts = {fa_promoter, fa_passive, fa_detractor, fa_follow_up, fa_contact, fa_note},
	},
	{
		.lang = "ar", .currency = "SAR", .decimals = 2, .earn_unit = 100,
		.point_value = 1, .calendar = CAL_GREGORIAN, .timezone = "Asia/Riyadh",
		.shop = "متجر النخيل",
		.tiers = {{"برونزي", 0, 100, 0}, {"فضي", 250000, 125, 2}, {"ذهبي", 600000, 150, 5}},
		.rewards = {
			{"COFFEE", "قهوة عربية مجانية", 800, 0, STOCK_UNLIMITED, SEASON_NONE},
			{"VOUCHER20", "قسيمة شرائية بقيمة ٢٠ ريالًا", 2000, 0, STOCK_UNLIMITED, SEASON_NONE},
			{"EID", "هدية العيد", 2500, 0, 80, SEASON_EID},
			{"DATES", "علبة تمور فاخرة", 3000, 0, STOCK_UNLIMITED, SEASON_NONE},
			{"BAKHOOR", "مبخرة نحاسية", 5000, 0, 40, SEASON_NONE},
			{"OUD", "عطر عود ٥٠ مل", 8000, 15000, 25, SEASON_NONE},
		},
		.median = 7500, .step = 100, .price_endings = true,
		.prefixes = sa_prefixes, .country = "+966", .native = DIGITS_ARABIC,
		.texts = {ar_promoter, ar_passive, ar_detractor, ar_follow_up, ar_contact, ar_note},
	},
	{
		.lang = "en", .currency = "AED", .decimals = 2, .earn_unit = 500,
		.point_value = 5, .calendar = CAL_GREGORIAN, .timezone = "Asia/Dubai",
		.shop = "Marina Corner Store",
		.tiers = {{"Bronze", 0, 100, 0}, {"Silver", 300000, 125, 2}, {"Gold", 750000, 150, 5}},
		.rewards = {
			{"TOTE", "Reusable tote bag", 200, 0, 300, SEASON_NONE},
			{"COFFEE", "Free coffee", 300, 0, STOCK_UNLIMITED, SEASON_NONE},
			{"GIFT25", "AED 25 gift voucher", 500, 0, STOCK_UNLIMITED, SEASON_NONE},
			{"CANDLE", "Scented candle", 600, 0, 60, SEASON_NONE},
			{"HAMPER", "Festive hamper", 1500, 0, 50, SEASON_WINTER},
			{"SPEAKER", "Bluetooth speaker", 2000, 4900, 15, SEASON_NONE},
		},
		.median = 9500, .step = 100, .price_endings = true,
		.prefixes = ae_prefixes, .country = "+971", .native = DIGITS_LATIN,
		.texts = {en_promoter, en_passive, en_detractor, en_follow_up, en_contact, en_note},
	},
};

static const struct profile *profile_for(const char *lang)
{
	for (size_t i = 0; i < sizeof profiles / sizeof profiles[0]; i++)
		if (lang != NULL && strcmp(profiles[i].lang, lang) == 0)
			return &profiles[i];
	return NULL;
}

/* ---- names ------------------------------------------------------------ */

struct name_list {
	char *text;          /* the file's text, one name a line, NULs at line ends */
	const char **v;
	size_t n;
};

struct names {
	struct name_list male, female, family;
};

static int load_list(struct name_list *l, const char *lang, const char *what, struct werr *e)
{
	char file[32];
	snprintf(file, sizeof file, "%s-%s.txt", lang, what);
	memset(l, 0, sizeof *l);
	for (const struct embedded_file *f = demo_name_lists; f->name != NULL; f++) {
		if (strcmp(f->name, file) != 0)
			continue;
		size_t cap = 0;
		l->text = xstrdup(f->text);
		for (char *line = strtok(l->text, "\r\n"); line != NULL; line = strtok(NULL, "\r\n")) {
			if (*line == '\0' || *line == '#')
				continue;
			l->v = xgrow(l->v, &cap, l->n + 1, sizeof *l->v);
			l->v[l->n++] = line;
		}
		break;
	}
	if (l->n == 0)
		return werr_set(e, W_DB, _("the demo has no name list %s"), file);
	return 0;
}

static void names_free(struct names *nm)
{
	struct name_list *ls[] = {&nm->male, &nm->female, &nm->family};
	for (size_t i = 0; i < 3; i++) {
		free(ls[i]->text);
		free(ls[i]->v);
	}
}

/* ---- the days of the history ------------------------------------------ */

/* Opening hours: the weight of each hour from local midnight (24-27 are
 * the small hours after it, when Ramadan nights keep shops open). */
enum hours {
	HP_DAY, HP_SHORT, HP_SPLIT, HP_FRIDAY_SA, HP_RAMADAN_NIGHT, HP_RAMADAN_FA, HP_WEEKEND,
	HP_CALLS, HP__COUNT
};
#define SLOTS 28
static const uint8_t hour_weights[HP__COUNT][SLOTS] = {
	/* 0 ... 8 | 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 | 24 25 26 27 */
	[HP_DAY] = {[9] = 3, 5, 7, 7, 5, 3, 3, 4, 6, 8, 9, 9, 6},
	[HP_SHORT] = {[10] = 3, 4, 4, [17] = 4, 6, 6, 4},
	[HP_SPLIT] = {[9] = 3, 4, 4, [16] = 5, 6, 8, 9, 10, 9, 6},
	[HP_FRIDAY_SA] = {[14] = 3, 4, 5, 6, 8, 9, 10, 9, 6},
	[HP_RAMADAN_NIGHT] = {[13] = 2, 3, 3, 2, [20] = 5, 8, 10, 10, 8, 5, 2},
	[HP_RAMADAN_FA] = {[9] = 3, 4, 5, 5, 3, [16] = 3, 3, [20] = 6, 8, 6},
	[HP_WEEKEND] = {[10] = 4, 6, 7, 7, 6, 6, 7, 8, 9, 9, 9, 8, 5},
	[HP_CALLS] = {[10] = 3, 4, 4, 2, 3, 4, 4, 3, 2},
};

struct day {
	int64_t base;   /* the instant of local midnight (at the day's noon offset) */
	float weight;   /* how busy the shop is */
	float basket;   /* how big the baskets are */
	uint8_t hours;  /* enum hours */
};

struct days {
	struct day *v;
	size_t n;
	double *cum;  /* cum[d]: weight of the days before d, in average days */
	double *ecum; /* the same for enrolments (the program's launch) */
};

static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* The dates of one day in the calendars that matter to the shop. */
struct dates {
	int gy, gm, gd, wday; /* wday 0 = Sunday */
	int pm, pd;           /* Solar Hijri month and day */
	int im, id;           /* Umm al-Qura month and day */
};

/* How busy a Tehran shop is: Esfand before Nowruz is the peak, the first
 * days of Farvardin and the mourning days are nearly closed, Friday is
 * the weekend. */
static void season_fa(const struct dates *t, struct day *dy)
{
	double w = 1, b = 1;
	int h = HP_DAY;
	if (t->wday == 5) {
		w = 0.35;
		h = HP_SHORT;
	} else if (t->wday == 4) {
		w = 1.25;
	}
	if (t->pm == 12) {
		w *= t->pd < 15 ? 1.35 : 2.2;
		b *= t->pd < 15 ? 1.1 : 1.25;
	} else if (t->pm == 1) {
		if (t->pd <= 2 || t->pd == 13)
			w *= 0.1, h = HP_SHORT;
		else if (t->pd <= 4)
			w *= 0.3, h = HP_SHORT;
		else if (t->pd <= 12)
			w *= 0.6;
	} else if ((t->pm == 6 && t->pd >= 20) || (t->pm == 7 && t->pd <= 5)) {
		w *= 1.15;
	} else if (t->pm == 9 && t->pd >= 25) {
		w *= 1.4, b *= 1.15; /* Yalda */
	} else if (t->pm == 4 || t->pm == 5) {
		w *= 0.92;
	}
	if (t->im == 1 && (t->id == 9 || t->id == 10))
		w *= 0.15, h = HP_SHORT; /* Tasua and Ashura */
	else if (t->im == 9 && h == HP_DAY)
		w *= 0.9, h = HP_RAMADAN_FA;
	else if (t->im == 10 && t->id == 1)
		w *= 0.6;
	dy->weight = (float)w;
	dy->basket = (float)b;
	dy->hours = (uint8_t)h;
}

/* A Riyadh shop: the last ten nights of Ramadan and the days before Eid
 * al-Adha are the peaks, the first days of Ramadan and the Eids are
 * quiet; open mornings and evenings, late into Ramadan nights; the
 * weekend is Friday and Saturday. */
static void season_ar(const struct dates *t, struct day *dy)
{
	double w, b = 1;
	int h = HP_SPLIT;
	switch (t->wday) {
	case 5:
		w = 0.9, h = HP_FRIDAY_SA;
		break;
	case 6:
		w = 1.15;
		break;
	case 4:
		w = 1.2;
		break;
	default:
		w = 0.95;
	}
	if (t->im == 8 && t->id >= 15) {
		w *= 1.2;
	} else if (t->im == 9) {
		w *= t->id < 20 ? 0.85 : 2.0;
		b *= t->id < 20 ? 1.0 : 1.3;
		h = HP_RAMADAN_NIGHT;
	} else if (t->im == 10 && t->id <= 3) {
		w *= t->id == 1 ? 0.3 : 0.8;
	} else if (t->im == 12 && t->id <= 13) {
		w *= t->id <= 9 ? 1.5 : t->id == 10 ? 0.3 : 0.7;
		b *= t->id <= 9 ? 1.15 : 1.0;
	}
	if (t->gm == 7 || t->gm == 8)
		w *= 0.8; /* the summer away */
	else if (t->gm == 9 && t->gd >= 20 && t->gd <= 24)
		w *= 1.3; /* National Day */
	else if (t->gm == 11 && t->gd >= 20)
		w *= 1.3; /* White Friday */
	dy->weight = (float)w;
	dy->basket = (float)b;
	dy->hours = (uint8_t)h;
}

/* A Dubai shop: late November to the Shopping Festival in January is the
 * peak, the summer is slow; the weekend is Saturday and Sunday. */
static void season_en(const struct dates *t, struct day *dy)
{
	double w = 0.9, b = 1;
	int h = HP_DAY;
	if (t->wday == 6)
		w = 1.3, h = HP_WEEKEND;
	else if (t->wday == 0)
		w = 1.15, h = HP_WEEKEND;
	else if (t->wday == 5)
		w = 1.05;
	if (t->gm == 11 && t->gd >= 20)
		w *= 1.5;
	else if (t->gm == 12)
		w *= t->gd < 15 ? 1.5 : 2.0, b *= t->gd < 15 ? 1.1 : 1.25;
	else if (t->gm == 1 && t->gd <= 15)
		w *= 1.3;
	else if (t->gm == 7 || t->gm == 8)
		w *= 0.75;
	if (t->im == 9)
		w *= t->id <= 20 ? 0.9 : 1.3, h = HP_RAMADAN_NIGHT;
	else if (t->im == 10 && t->id == 1)
		w *= 0.5;
	dy->weight = (float)w;
	dy->basket = (float)b;
	dy->hours = (uint8_t)h;
}

/* Builds the days from the local date of `start` to that of `now`. */
static int days_build(struct days *ds, const struct profile *pf, const char *tz, int64_t start,
		      int64_t now, struct werr *e)
{
	struct civil a, b;
	if (tz_utc_to_local(tz, start, &a, NULL) != 0 || tz_utc_to_local(tz, now, &b, NULL) != 0)
		return werr_set(e, W_REFUSED, _("unknown time zone \"%s\""), tz);
	int64_t d0 = days_from_civil(a.year, a.month, a.day);
	int64_t d1 = days_from_civil(b.year, b.month, b.day);
	ds->n = (size_t)(d1 - d0 + 1);
	ds->v = xcalloc(ds->n, sizeof *ds->v);
	ds->cum = xcalloc(ds->n + 1, sizeof *ds->cum);
	ds->ecum = xcalloc(ds->n + 1, sizeof *ds->ecum);
	double total = 0;
	for (size_t i = 0; i < ds->n; i++) {
		struct dates t = {0};
		civil_from_days(d0 + (int64_t)i, &t.gy, &t.gm, &t.gd);
		t.wday = (int)(((d0 + (int64_t)i) % 7 + 11) % 7); /* 1970-01-01 was a Thursday */
		int y;
		if (cal_from_gregorian(CAL_PERSIAN, t.gy, t.gm, t.gd, &y, &t.pm, &t.pd) != 0)
			t.pm = t.pd = 0;
		if (cal_from_gregorian(CAL_ISLAMIC_UMALQURA, t.gy, t.gm, t.gd, &y, &t.im, &t.id) != 0)
			t.im = t.id = 0;
		struct civil noon = {.year = t.gy, .month = t.gm, .day = t.gd, .hour = 12};
		int64_t at;
		if (tz_local_to_utc(tz, &noon, &at) != 0)
			return werr_set(e, W_REFUSED, _("unknown time zone \"%s\""), tz);
		ds->v[i].base = at - 12 * HOUR;
		if (strcmp(pf->lang, "fa") == 0)
			season_fa(&t, &ds->v[i]);
		else if (strcmp(pf->lang, "ar") == 0)
			season_ar(&t, &ds->v[i]);
		else
			season_en(&t, &ds->v[i]);
		total += ds->v[i].weight;
	}
	double mean = total / (double)ds->n;
	for (size_t i = 0; i < ds->n; i++) {
		double w = ds->v[i].weight / mean;
		/* The launch: the shop's known faces sign up in the first weeks. */
		double launch = 1 + 2.5 * d_exp(-(double)i / 30.0) + 0.6 * (double)i / (double)ds->n;
		ds->cum[i + 1] = ds->cum[i] + w;
		ds->ecum[i + 1] = ds->ecum[i] + w * launch;
	}
	return 0;
}

static void days_free(struct days *ds)
{
	free(ds->v);
	free(ds->cum);
	free(ds->ecum);
}

/* The day that holds instant t (the first or the last day outside). */
static size_t day_of(const struct days *ds, int64_t t)
{
	int64_t k = (t - ds->v[0].base) / (24 * HOUR);
	size_t d = k < 0 ? 0 : (size_t)k;
	if (d >= ds->n)
		d = ds->n - 1;
	while (d + 1 < ds->n && ds->v[d + 1].base <= t)
		d++;
	while (d > 0 && ds->v[d].base > t)
		d--;
	return d;
}

/* The day d with cum[d] <= x < cum[d + 1]. */
static size_t day_at_weight(const double *cum, size_t n, double x)
{
	size_t lo = 0, hi = n;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (cum[mid] <= x)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* An instant on day d at an hour drawn from the profile. */
static int64_t day_time(const struct days *ds, uint64_t *rng, size_t d, int hours)
{
	size_t slot = pick_weighted(rng, hour_weights[hours], SLOTS);
	return ds->v[d].base + (int64_t)slot * HOUR + between(rng, 0, HOUR - 1);
}

/* ---- customers -------------------------------------------------------- */

enum kind { K_PROSPECT, K_ONCE, K_OCCASIONAL, K_REGULAR };

enum {
	F_CONSENT = 1,
	F_PHONE = 2,
	F_CALL = 4, /* a survey call is planned */
	F_DONE = 8, /* nothing more will happen to them */
};

/* One customer while the history is made. */
struct dcust {
	uint64_t rng;
	int64_t enrolled_at;
	int64_t first_visit; /* TIME_NONE: never buys */
	int64_t lapse_at;    /* a regular stops coming after this */
	float basket;        /* their basket, times the shop's median */
	float gap;           /* a regular's days between visits */
	uint32_t referrer;   /* index + 1 of the customer who referred them; 0: none */
	uint8_t kind, flags;
	int8_t tier;         /* index of the last recorded tier, or NO_TIER */
	int16_t goal;        /* the reward they save for (of the first 64), or -1 */
	uint16_t pending;    /* their events in the queue */
	int8_t final_tier;   /* F_DONE: the tier by rule 2 at now */
	/* The summaries of the customers table. */
	int64_t balance, spend, sales_count;
	int64_t paid_total; /* the running total of paid (sales.cum_paid) */
	int64_t first_sale_at, last_sale_at, watermark, next_expiry;
	int64_t negative_since; /* first instant the balance went below 0 */
	int64_t last_survey_at;
	/* Rule 5: the ledger, folded as it goes; rule 2: the sales of the
	 * tier window (ids beside them, for their returns). */
	struct ledger_point *lots;
	struct window_sale *win; /* win[whead .. nwin) */
	int64_t *win_id;
	uint32_t nlots, caplots, fold_at;
	uint32_t whead, nwin, capwin;
};

/* ---- the event queue -------------------------------------------------- */

enum ev_kind { EV_SALE, EV_RETURN, EV_REDEEM, EV_CALL };

struct ev {
	uint8_t kind;
	uint8_t tries;    /* calls made so far */
	uint32_t next_free;
	/* A return: the sale, and the goods value returned before. */
	int64_t sale_id, sale_at, amount, paid, earned, points_paid, returned;
};

struct hent {
	int64_t at;
	uint32_t cust, slot;
};

struct queue {
	struct hent *h;
	size_t n, cap;
	struct ev *pool;
	size_t npool, cappool;
	uint32_t free_slot;
};

static bool hless(const struct hent *a, const struct hent *b)
{
	if (a->at != b->at)
		return a->at < b->at;
	if (a->cust != b->cust)
		return a->cust < b->cust;
	return a->slot < b->slot;
}

/* A 4-ary heap: half the depth of a binary one, and the children of an
 * entry side by side (the queue holds an event of nearly every
 * customer, so its lower levels live outside the processor's caches). */
static void heap_push(struct queue *q, struct hent x)
{
	q->h = xgrow(q->h, &q->cap, q->n + 1, sizeof *q->h);
	size_t i = q->n++;
	while (i > 0) {
		size_t p = (i - 1) / 4;
		if (!hless(&x, &q->h[p]))
			break;
		q->h[i] = q->h[p];
		i = p;
	}
	q->h[i] = x;
}

static struct hent heap_pop(struct queue *q)
{
	struct hent top = q->h[0], x = q->h[--q->n];
	size_t i = 0;
	for (;;) {
		size_t c = 4 * i + 1, end = c + 4 < q->n ? c + 4 : q->n;
		if (c >= q->n)
			break;
		for (size_t k = c + 1; k < end; k++)
			if (hless(&q->h[k], &q->h[c]))
				c = k;
		if (!hless(&q->h[c], &x))
			break;
		q->h[i] = q->h[c];
		i = c;
	}
	if (q->n > 0)
		q->h[i] = x;
	return top;
}

/* A new event for customer ci at `at`; returns it to be filled (valid
 * until the next call). */
static struct ev *schedule(struct queue *q, uint32_t ci, int64_t at, enum ev_kind kind)
{
	uint32_t slot;
	if (q->free_slot != NO_SLOT) {
		slot = q->free_slot;
		q->free_slot = q->pool[slot].next_free;
	} else {
		q->pool = xgrow(q->pool, &q->cappool, q->npool + 1, sizeof *q->pool);
		slot = (uint32_t)q->npool++;
	}
	struct ev *ev = &q->pool[slot];
	memset(ev, 0, sizeof *ev);
	ev->kind = (uint8_t)kind;
	heap_push(q, (struct hent){at, ci, slot});
	return ev;
}

/* ---- the generator ---------------------------------------------------- */

struct voucher_set {
	uint64_t *v; /* open addressing; 0 is empty */
	size_t n, cap;
};

struct gen {
	struct store *st;
	struct bulk *bulk;
	const struct shop *shop;
	const struct profile *pf;
	struct demo_result *out;
	struct werr *e;
	uint64_t seed;
	uint64_t rng;           /* the shop's own choices */
	int64_t now, mark;      /* mark: expiry_mark before the demo */
	int64_t mark_customer;  /* the last customer that mark covers */
	int64_t expiry_secs, window_secs;
	int64_t median, step;   /* money of the purchases, minor units */
	bool price_endings;
	int64_t first_id;       /* id of customer index 0 */
	struct bulk_ids ids;
	struct days days;
	struct dcust *c;
	size_t n;
	struct queue q;
	struct reward *rewards;
	size_t nrewards;
	struct voucher_set vouchers;
	uint64_t last_random;   /* the bits behind the last voucher code */
	int64_t *leavers;       /* customers to mark inactive at the end */
	size_t nleavers, capleavers;
	struct expiry *x;       /* rule_expiry's answer, reused */
	size_t nx, capx;
	void (*progress)(void *ctx, size_t done, size_t total);
	void *ctx;
};

#define PROGRESS_TOTAL 1000
#define PROGRESS_EVENTS 850  /* the replay's share; the rest is writing customers */

static int64_t max_time(int64_t a, int64_t b)
{
	if (a == TIME_NONE)
		return b;
	if (b == TIME_NONE)
		return a;
	return a > b ? a : b;
}

static int64_t cust_id(const struct gen *g, size_t ci)
{
	return g->first_id + (int64_t)ci;
}

static const char *tier_name(const struct gen *g, int t)
{
	return t == NO_TIER ? NULL : g->shop->tiers[t].name;
}

/* A new event for customer ci (see schedule). */
static struct ev *plan(struct gen *g, size_t ci, int64_t at, enum ev_kind kind)
{
	g->c[ci].pending++;
	return schedule(&g->q, (uint32_t)ci, at, kind);
}

static void lots_push(struct gen *g, struct dcust *c, int64_t at, int64_t points,
		      enum ledger_kind kind)
{
	if (g->expiry_secs <= 0)
		return;
	if (c->nlots == c->caplots) {
		size_t cap = c->caplots;
		c->lots = xgrow(c->lots, &cap, (size_t)c->nlots + 1, sizeof *c->lots);
		c->caplots = (uint32_t)cap;
	}
	c->lots[c->nlots++] = (struct ledger_point){at, points, kind};
}

/* Folds the ledger after an operation at t (expiry applied up to t):
 * every entry dated up to t that consumes or expires, and every positive
 * entry whose expiry instant is at or before t, count in rule 5 only
 * through their sum for any later expiry instant; one entry of that sum,
 * dated where its own expiry instant is t (already processed), replaces
 * them. */
static void lots_fold(struct gen *g, struct dcust *c, int64_t t)
{
	/* Folding is exact whenever it is done; doing it when the ledger has
	 * doubled keeps its cost constant per operation. */
	if (c->nlots < c->fold_at)
		return;
	int64_t sum = 0;
	uint32_t w = 0;
	for (uint32_t i = 0; i < c->nlots; i++) {
		struct ledger_point lp = c->lots[i];
		if (rule_entry_expires(lp.kind, lp.points) && lp.at > t - g->expiry_secs)
			c->lots[w++] = lp;
		else
			sum += lp.points;
	}
	c->nlots = w;
	if (sum != 0) {
		lots_push(g, c, 0, 0, LK_EARN); /* room for one more */
		memmove(&c->lots[1], &c->lots[0], (size_t)w * sizeof *c->lots);
		c->lots[0] =
			(struct ledger_point){t - g->expiry_secs, sum, sum > 0 ? LK_EARN : LK_PAY};
	}
	c->fold_at = c->nlots < 4 ? 8 : 2 * c->nlots;
}

/* Rule 5 up to t without changing anything (what expiry_apply would
 * find): the expiries in g->x, the points they take in *lost; returns the
 * customer's next expiry instant afterwards. */
static int64_t expiry_preview(struct gen *g, const struct dcust *c, int64_t t, int64_t *lost)
{
	g->nx = 0;
	*lost = 0;
	if (g->expiry_secs <= 0 || c->next_expiry == TIME_NONE || c->next_expiry > t)
		return c->next_expiry;
	/* customer_watermark of points.c: a shop-wide run covers only the
	 * customers that existed then. */
	int64_t from = cust_id(g, (size_t)(c - g->c)) <= g->mark_customer
			       ? max_time(c->watermark, g->mark)
			       : c->watermark;
	int64_t next = rule_expiry(c->lots, c->nlots, g->expiry_secs, from, t, &g->x, &g->nx,
				   &g->capx);
	for (size_t i = 0; i < g->nx; i++)
		*lost += g->x[i].points;
	return next;
}

/* Writes what expiry_preview found (expiry_apply of points.c). */
static int expiry_commit(struct gen *g, size_t ci, int64_t t, int64_t next)
{
	struct dcust *c = &g->c[ci];
	c->watermark = max_time(c->watermark, t);
	c->next_expiry = next;
	for (size_t i = 0; i < g->nx; i++) {
		struct ledger_entry le = {.customer_id = cust_id(g, ci), .at = g->x[i].at,
					  .kind = LK_EXPIRE, .points = -g->x[i].points};
		if (bulk_ledger(g->bulk, &le, g->e) != 0)
			return -1;
		lots_push(g, c, le.at, le.points, LK_EXPIRE);
		c->balance += le.points;
		g->out->points_expired += g->x[i].points;
	}
	g->nx = 0;
	return 0;
}

static int expiry_apply(struct gen *g, size_t ci, int64_t t)
{
	int64_t lost;
	int64_t next = expiry_preview(g, &g->c[ci], t, &lost);
	return expiry_commit(g, ci, t, next);
}

/* Adds a sale to the tier window (the sales that left it go first). */
static void window_push(struct dcust *c, int64_t at, int64_t paid, int64_t id)
{
	if (c->nwin == c->capwin && c->whead > 0) {
		c->nwin -= c->whead;
		memmove(c->win, c->win + c->whead, c->nwin * sizeof *c->win);
		memmove(c->win_id, c->win_id + c->whead, c->nwin * sizeof *c->win_id);
		c->whead = 0;
	}
	if (c->nwin == c->capwin) {
		size_t cap = c->capwin, cap2 = c->capwin;
		c->win = xgrow(c->win, &cap, (size_t)c->nwin + 1, sizeof *c->win);
		c->win_id = xgrow(c->win_id, &cap2, (size_t)c->nwin + 1, sizeof *c->win_id);
		c->capwin = (uint32_t)cap;
	}
	c->win[c->nwin] = (struct window_sale){at, paid, 0};
	c->win_id[c->nwin++] = id;
}

/* Rule 2 at t: the index of the tier held (the window's older sales are
 * dropped for good: t only grows). */
static int tier_at(struct gen *g, struct dcust *c, int64_t t)
{
	while (c->whead < c->nwin && c->win[c->whead].at <= t - g->window_secs)
		c->whead++;
	int64_t spend = rule_window_spend(c->win + c->whead, c->nwin - c->whead, t,
					  g->window_secs);
	return (int)rule_tier_index(g->shop->tiers, g->shop->ntiers, spend);
}

/* tier_evaluate of points.c: records a change of tier. */
static int tier_record(struct gen *g, size_t ci, int64_t t, const char *cause)
{
	struct dcust *c = &g->c[ci];
	int now = (c->flags & F_DONE) ? c->final_tier : tier_at(g, c, t);
	if (now == c->tier)
		return 0;
	if (bulk_tier_history(g->bulk, cust_id(g, ci), t, tier_name(g, c->tier), tier_name(g, now),
			      cause, g->e) != 0)
		return -1;
	c->tier = (int8_t)now;
	return 0;
}

/* earliest_expiry of sale.c. */
static void earliest_expiry(struct gen *g, struct dcust *c, int64_t t)
{
	if (g->expiry_secs <= 0)
		return;
	int64_t ex = t + g->expiry_secs;
	if (c->next_expiry == TIME_NONE || ex < c->next_expiry)
		c->next_expiry = ex;
}

static int64_t round_money(struct gen *g, uint64_t *rng, double x)
{
	if (x > (double)g->median * 40)
		x = (double)g->median * 40;
	if (g->price_endings) {
		int64_t whole = (int64_t)(x / 100);
		if (whole < 1)
			whole = 1;
		double r = unit(rng);
		return whole * 100 + (r < 0.6 ? 0 : r < 0.8 ? 50 : 95);
	}
	int64_t k = (int64_t)(x / (double)g->step + 0.5);
	return (k < 1 ? 1 : k) * g->step;
}

/* A visit `gap` ordinary days after instant t (on a later day), at an
 * hour of that day; TIME_NONE when it falls after now. */
static int64_t visit_after(struct gen *g, uint64_t *rng, int64_t t, double gap)
{
	size_t d0 = day_of(&g->days, t);
	size_t d = day_at_weight(g->days.cum, g->days.n + 1, g->days.cum[d0] + gap);
	if (d <= d0)
		d = d0 + 1;
	if (d >= g->days.n)
		return TIME_NONE;
	int64_t at = day_time(&g->days, rng, d, g->days.v[d].hours);
	return at <= g->now ? at : TIME_NONE;
}

/* An instant `days` days after t at the hours of `hours` (-1: that day's
 * opening hours), or TIME_NONE after now. */
static int64_t days_after(struct gen *g, uint64_t *rng, int64_t t, int64_t days, int hours)
{
	size_t d = day_of(&g->days, t) + (size_t)days;
	if (d >= g->days.n)
		return TIME_NONE;
	int64_t at = day_time(&g->days, rng, d, hours >= 0 ? hours : g->days.v[d].hours);
	return at > t && at <= g->now ? at : TIME_NONE;
}

static void plan_next_visit(struct gen *g, size_t ci, int64_t t)
{
	struct dcust *c = &g->c[ci];
	double gap;
	switch (c->kind) {
	case K_OCCASIONAL:
		if (chance(&c->rng, 0.2))
			return;
		gap = 40 * lognormal(&c->rng, 0.7);
		break;
	case K_REGULAR:
		if (t >= c->lapse_at)
			return;
		gap = c->gap * lognormal(&c->rng, 0.35);
		break;
	default:
		return;
	}
	int64_t at = visit_after(g, &c->rng, t, gap);
	if (at != TIME_NONE)
		plan(g, ci, at, EV_SALE);
}

/* A reward to save for among those on offer at t: the cheaper, the more
 * popular (the catalog is cheapest first); -1 when none is on offer. */
static int choose_goal(struct gen *g, uint64_t *rng, int64_t t)
{
	uint8_t w[8] = {0};
	size_t n = g->nrewards < 8 ? g->nrewards : 8;
	bool any = false;
	for (size_t i = 0; i < n; i++)
		if (reward_available(&g->rewards[i], t)) {
			w[i] = (uint8_t)(40 >> (i < 5 ? i : 5));
			any = true;
		}
	return any ? (int)pick_weighted(rng, w, n) : -1;
}

/* What follows a sale: a return, a redemption, a survey call. */
static void plan_after_sale(struct gen *g, size_t ci, const struct sale *sa)
{
	struct dcust *c = &g->c[ci];
	if (sa->amount > 0 && chance(&c->rng, 0.04)) {
		double r = unit(&c->rng);
		int64_t delay = r < 0.7 ? between(&c->rng, 1, 7)
			      : r < 0.9 ? between(&c->rng, 8, 20) : between(&c->rng, 21, 45);
		int64_t at = days_after(g, &c->rng, sa->at, delay, -1);
		if (at != TIME_NONE) {
			struct ev *ev = plan(g, ci, at, EV_RETURN);
			ev->sale_id = sa->id;
			ev->sale_at = sa->at;
			ev->amount = sa->amount;
			ev->paid = sa->paid;
			ev->earned = sa->earned;
			ev->points_paid = sa->points_paid;
		}
	}
	if (g->nrewards > 0) {
		int goal = c->goal;
		if (goal < 0 || !reward_available(&g->rewards[goal], sa->at))
			goal = choose_goal(g, &c->rng, sa->at);
		/* A feast's reward tempts those who can afford it. */
		for (size_t i = 0; i < g->nrewards && i < 64; i++)
			if (g->rewards[i].active_to != TIME_NONE &&
			    reward_available(&g->rewards[i], sa->at) &&
			    g->rewards[i].points <= c->balance && chance(&c->rng, 0.3))
				goal = (int)i;
		c->goal = (int16_t)goal;
		if (goal >= 0 && c->balance >= g->rewards[goal].points && chance(&c->rng, 0.5)) {
			int64_t at = sa->at + between(&c->rng, 60, 400);
			if (at <= g->now)
				plan(g, ci, at, EV_REDEEM);
		}
	}
	if ((c->flags & (F_CONSENT | F_PHONE)) == (F_CONSENT | F_PHONE) && !(c->flags & F_CALL) &&
	    (c->last_survey_at == TIME_NONE || sa->at - c->last_survey_at >= 90 * DAY_SECONDS) &&
	    chance(&c->rng, c->last_survey_at == TIME_NONE ? 0.12 : 0.04)) {
		int64_t at = days_after(g, &c->rng, sa->at, between(&c->rng, 2, 14), HP_CALLS);
		if (at != TIME_NONE) {
			plan(g, ci, at, EV_CALL);
			c->flags |= F_CALL;
		}
	}
}

/* A purchase (engine_purchase of sale.c). */
static int do_sale(struct gen *g, size_t ci, int64_t t)
{
	struct dcust *c = &g->c[ci];
	const struct program *p = &g->shop->p;
	if (expiry_apply(g, ci, t) != 0)
		return -1;
	size_t d = day_of(&g->days, t);
	int64_t amount = 0;
	if (!chance(&c->rng, 0.004)) /* else a visit with a free item */
		amount = round_money(g, &c->rng,
				     (double)g->median * c->basket * g->days.v[d].basket *
					     lognormal(&c->rng, 0.6));
	/* Rule 1: points pay part of it now and then. */
	int64_t pay = 0;
	if (amount > 0 && p->point_value > 0 &&
	    c->balance * p->point_value >= g->median / 10 && chance(&c->rng, 0.08)) {
		int64_t most = amount / p->point_value;
		pay = c->balance < most ? c->balance : most;
		if (chance(&c->rng, 0.5))
			pay /= 2;
		if (pay >= 20)
			pay -= pay % 10;
	}
	int before = tier_at(g, c, t);
	const struct tier *tb = &g->shop->tiers[before];
	struct sale sa = {.id = g->ids.sale++, .customer_id = cust_id(g, ci), .at = t,
			  .amount = amount, .points_paid = pay, .discount = pay * p->point_value,
			  .multiplier = tb->multiplier, .tier = tb->name,
			  .first_sale = c->sales_count == 0};
	sa.paid = amount - sa.discount;
	sa.earned = rule_earned(sa.paid, p->earn_unit, tb->multiplier);
	c->paid_total += sa.paid;
	sa.cum_paid = c->paid_total;
	if (bulk_sale(g->bulk, &sa, g->e) != 0)
		return -1;
	if (pay > 0) {
		struct ledger_entry le = {.customer_id = sa.customer_id, .at = t, .kind = LK_PAY,
					  .points = -pay, .sale_id = sa.id};
		if (bulk_ledger(g->bulk, &le, g->e) != 0)
			return -1;
		lots_push(g, c, t, -pay, LK_PAY);
	}
	if (sa.earned > 0) {
		struct ledger_entry le = {.customer_id = sa.customer_id, .at = t, .kind = LK_EARN,
					  .points = sa.earned, .sale_id = sa.id};
		if (bulk_ledger(g->bulk, &le, g->e) != 0)
			return -1;
		lots_push(g, c, t, sa.earned, LK_EARN);
		earliest_expiry(g, c, t);
	}
	c->balance += sa.earned - pay;
	c->sales_count++;
	if (c->first_sale_at == TIME_NONE)
		c->first_sale_at = t;
	c->last_sale_at = t;
	c->spend += sa.paid;
	window_push(c, t, sa.paid, sa.id);
	if (tier_record(g, ci, t, "sale") != 0)
		return -1;
	lots_fold(g, c, t);
	g->out->purchases++;
	g->out->points_earned += sa.earned;
	plan_after_sale(g, ci, &sa);
	plan_next_visit(g, ci, t);
	return 0;
}

/* A return (engine_return of sale.c); sometimes the rest follows later. */
static int do_return(struct gen *g, size_t ci, int64_t t, const struct ev *ev)
{
	struct dcust *c = &g->c[ci];
	int64_t left = ev->amount - ev->returned, back = left;
	if ((ev->returned == 0 ? chance(&c->rng, 0.6) : chance(&c->rng, 0.5)) &&
	    left >= 2 * g->step) {
		back = (int64_t)((double)left * (0.15 + 0.55 * unit(&c->rng)) / (double)g->step) *
		       g->step;
		if (back < g->step)
			back = g->step;
		if (back >= left)
			back = left - g->step;
	}
	if (expiry_apply(g, ci, t) != 0)
		return -1;
	struct return_split split;
	rule_return_split(ev->amount, ev->paid, ev->earned, ev->points_paid, ev->returned,
			  ev->returned + back, &split);
	struct sale_return r = {.id = g->ids.ret++, .sale_id = ev->sale_id,
				.customer_id = cust_id(g, ci), .at = t, .amount = back,
				.refunded = split.refunded, .points_reversed = split.reversed,
				.points_restored = split.restored, .sale_at = ev->sale_at};
	if (bulk_return(g->bulk, &r, g->e) != 0)
		return -1;
	if (split.reversed > 0) {
		struct ledger_entry le = {.customer_id = r.customer_id, .at = t, .kind = LK_REVERSE,
					  .points = -split.reversed, .sale_id = r.sale_id,
					  .return_id = r.id};
		if (bulk_ledger(g->bulk, &le, g->e) != 0)
			return -1;
		lots_push(g, c, t, le.points, LK_REVERSE);
	}
	if (split.restored > 0) {
		struct ledger_entry le = {.customer_id = r.customer_id, .at = t, .kind = LK_RESTORE,
					  .points = split.restored, .sale_id = r.sale_id,
					  .return_id = r.id};
		if (bulk_ledger(g->bulk, &le, g->e) != 0)
			return -1;
		lots_push(g, c, t, le.points, LK_RESTORE);
		earliest_expiry(g, c, t);
	}
	c->balance += split.restored - split.reversed;
	c->spend -= split.refunded;
	if (c->balance < 0 && c->negative_since == TIME_NONE)
		c->negative_since = t;
	for (uint32_t i = c->whead; i < c->nwin; i++)
		if (c->win_id[i] == ev->sale_id)
			c->win[i].refunded += split.refunded;
	if (tier_record(g, ci, t, "return") != 0)
		return -1;
	lots_fold(g, c, t);
	g->out->returns++;
	if (ev->returned + back < ev->amount && chance(&c->rng, 0.2)) {
		int64_t at = days_after(g, &c->rng, t, between(&c->rng, 1, 10), -1);
		if (at != TIME_NONE) {
			struct ev *next = plan(g, ci, at, EV_RETURN);
			*next = *ev;
			next->returned += back;
		}
	}
	return 0;
}

static uint64_t voucher_bits(void *ctx)
{
	struct gen *g = ctx;
	g->last_random = rnd(&g->rng);
	return g->last_random;
}

/* Adds the code's 40 bits to the set; false when they were there. */
static bool voucher_new(struct voucher_set *vs, uint64_t bits)
{
	uint64_t key = (bits & ((UINT64_C(1) << 40) - 1)) + 1;
	if (2 * (vs->n + 1) > vs->cap) {
		size_t cap = vs->cap ? vs->cap * 2 : 1024;
		uint64_t *v = xcalloc(cap, sizeof *v);
		for (size_t i = 0; i < vs->cap; i++) {
			if (vs->v[i] == 0)
				continue;
			size_t h = (size_t)(vs->v[i] * UINT64_C(0x9e3779b97f4a7c15) >> 20) & (cap - 1);
			while (v[h] != 0)
				h = (h + 1) & (cap - 1);
			v[h] = vs->v[i];
		}
		free(vs->v);
		vs->v = v;
		vs->cap = cap;
	}
	size_t h = (size_t)(key * UINT64_C(0x9e3779b97f4a7c15) >> 20) & (vs->cap - 1);
	while (vs->v[h] != 0) {
		if (vs->v[h] == key)
			return false;
		h = (h + 1) & (vs->cap - 1);
	}
	vs->v[h] = key;
	vs->n++;
	return true;
}

/* A catalog redemption (engine_redeem of reward.c); refused ones leave no
 * trace. */
static int do_redeem(struct gen *g, size_t ci, int64_t t)
{
	struct dcust *c = &g->c[ci];
	int64_t lost;
	int64_t next = expiry_preview(g, c, t, &lost);
	int64_t balance = c->balance - lost;
	/* Their goal, or else the best thing on offer they can afford. */
	struct reward *r = NULL;
	if (c->goal >= 0 && reward_available(&g->rewards[c->goal], t) &&
	    g->rewards[c->goal].points <= balance)
		r = &g->rewards[c->goal];
	for (size_t i = 0; r == NULL && i < g->nrewards; i++)
		if (reward_available(&g->rewards[g->nrewards - 1 - i], t) &&
		    g->rewards[g->nrewards - 1 - i].points <= balance)
			r = &g->rewards[g->nrewards - 1 - i];
	if (r == NULL)
		return 0;
	c->goal = -1;
	if (expiry_commit(g, ci, t, next) != 0)
		return -1;
	char code[16];
	do
		rule_voucher_code(voucher_bits, g, code);
	while (!voucher_new(&g->vouchers, g->last_random));
	struct redemption d = {.id = g->ids.redemption++, .customer_id = cust_id(g, ci),
			       .reward_id = r->id, .at = t, .points = r->points, .copay = r->copay};
	struct ledger_entry le = {.customer_id = d.customer_id, .at = t, .kind = LK_REDEEM,
				  .points = -r->points, .redemption_id = d.id};
	if (bulk_redemption(g->bulk, &d, code, g->e) != 0 || bulk_ledger(g->bulk, &le, g->e) != 0)
		return -1;
	lots_push(g, c, t, le.points, LK_REDEEM);
	c->balance -= r->points;
	r->redeemed++;
	lots_fold(g, c, t);
	g->out->redemptions++;
	return 0;
}

/* NPS answers by kind of customer: 0 ... 10.  Regulars are fonder of the
 * shop; one-time buyers hold most of the detractors. */
static const uint8_t score_weights[4][11] = {
	[K_ONCE] = {4, 2, 3, 4, 5, 8, 10, 12, 14, 15, 23},
	[K_OCCASIONAL] = {2, 1, 2, 3, 3, 6, 8, 12, 16, 20, 27},
	[K_REGULAR] = {1, 1, 1, 2, 2, 4, 6, 12, 16, 23, 32},
};
static const char *const reason_codes[] = {"price", "quality", "service", "range", "location",
					   "other"};
static const uint8_t reason_weights[3][6] = {
	[NPS_DETRACTOR] = {35, 20, 25, 10, 5, 5},
	[NPS_PASSIVE] = {35, 15, 15, 20, 10, 5},
	[NPS_PROMOTER] = {5, 35, 35, 15, 10, 0},
};
static const uint8_t csat_weights[3][5] = {
	[NPS_DETRACTOR] = {25, 40, 35, 0, 0},
	[NPS_PASSIVE] = {0, 0, 35, 55, 10},
	[NPS_PROMOTER] = {0, 0, 0, 35, 65},
};

/* A survey call: an answer (and a detractor's follow-up) or a line in the
 * contact log and perhaps another try. */
static int do_call(struct gen *g, size_t ci, int64_t t, const struct ev *ev)
{
	struct dcust *c = &g->c[ci];
	const struct profile *pf = g->pf;
	double r = unit(&c->rng);
	if (r >= 0.72) {
		const char *outcome = r < 0.9 ? "no_answer" : r < 0.97 ? "call_back" : "refused";
		const char *note = chance(&c->rng, 0.3) ? pick_text(&c->rng, pf->texts[TX_CONTACT]) : NULL;
		if (bulk_contact(g->bulk, cust_id(g, ci), t, outcome, note, g->e) != 0)
			return -1;
		g->out->contacts++;
		int64_t at = TIME_NONE;
		if (strcmp(outcome, "refused") != 0 && ev->tries < 2)
			at = days_after(g, &c->rng, t, between(&c->rng, 1, 3), HP_CALLS);
		if (at != TIME_NONE) {
			plan(g, ci, at, EV_CALL)->tries = (uint8_t)(ev->tries + 1);
		} else {
			c->flags &= (uint8_t)~F_CALL;
			c->last_survey_at = t; /* not again for a while */
		}
		return 0;
	}
	c->flags &= (uint8_t)~F_CALL;
	int score = (int)pick_weighted(&c->rng, score_weights[c->kind], 11);
	enum nps_category cat = rule_nps_category(score);
	struct survey sv = {.id = g->ids.survey++, .customer_id = cust_id(g, ci), .at = t,
			    .score = score};
	if (chance(&c->rng, 0.7))
		sv.csat = 1 + (int)pick_weighted(&c->rng, csat_weights[cat], 5);
	if (chance(&c->rng, 0.6))
		sv.reason = (char *)reason_codes[pick_weighted(&c->rng, reason_weights[cat], 6)];
	if (chance(&c->rng, cat == NPS_DETRACTOR ? 0.55 : 0.3))
		sv.comment = (char *)pick_text(&c->rng, pf->texts[TX_PROMOTER + (2 - (int)cat)]);
	if (bulk_survey(g->bulk, &sv, g->e) != 0)
		return -1;
	c->last_survey_at = t;
	g->out->surveys++;
	if (cat == NPS_DETRACTOR) {
		int64_t closed = TIME_NONE;
		if (chance(&c->rng, 0.85))
			closed = days_after(g, &c->rng, t, between(&c->rng, 1, 10), HP_CALLS);
		if (bulk_follow_up(g->bulk, sv.id, sv.customer_id, t, closed,
				   closed != TIME_NONE ? pick_text(&c->rng, pf->texts[TX_FOLLOW_UP]) : NULL,
				   g->e) != 0)
			return -1;
		g->out->follow_ups++;
	}
	return 0;
}

/* When nothing more will happen to a customer, only the end remains to
 * be written: their tier at now (the tier window goes) and the ledger,
 * folded up to their last operation. */
static void finish(struct gen *g, struct dcust *c)
{
	c->final_tier = (int8_t)tier_at(g, c, g->now);
	free(c->win);
	free(c->win_id);
	c->win = NULL;
	c->win_id = NULL;
	c->whead = c->nwin = c->capwin = 0;
	c->flags |= F_DONE;
	if (c->watermark != TIME_NONE && c->nlots > 0) {
		c->fold_at = 0;
		lots_fold(g, c, c->watermark);
		if (c->nlots > 0) {
			c->lots = xrealloc(c->lots, c->nlots * sizeof *c->lots);
		} else {
			free(c->lots);
			c->lots = NULL;
		}
		c->caplots = c->nlots;
	}
}

/* Replays every customer's events in time order. */
static int replay(struct gen *g)
{
	int64_t span = g->now - g->days.v[0].base;
	size_t shown = 0;
	for (size_t ci = 0; ci < g->n; ci++)
		if (g->c[ci].first_visit != TIME_NONE)
			plan(g, ci, g->c[ci].first_visit, EV_SALE);
	while (g->q.n > 0) {
		struct hent h = heap_pop(&g->q);
		struct ev ev = g->q.pool[h.slot];
		g->q.pool[h.slot].next_free = g->q.free_slot;
		g->q.free_slot = h.slot;
		int r = 0;
		switch ((enum ev_kind)ev.kind) {
		case EV_SALE:
			r = do_sale(g, h.cust, h.at);
			break;
		case EV_RETURN:
			r = do_return(g, h.cust, h.at, &ev);
			break;
		case EV_REDEEM:
			r = do_redeem(g, h.cust, h.at);
			break;
		case EV_CALL:
			r = do_call(g, h.cust, h.at, &ev);
			break;
		}
		if (r != 0)
			return -1;
		if (--g->c[h.cust].pending == 0)
			finish(g, &g->c[h.cust]);
		size_t done = (size_t)((double)(h.at - g->days.v[0].base) / (double)span *
				       PROGRESS_EVENTS);
		if (g->progress != NULL && done > shown && done <= PROGRESS_EVENTS) {
			shown = done;
			g->progress(g->ctx, done, PROGRESS_TOTAL);
		}
	}
	return 0;
}

/* ---- the customers themselves ----------------------------------------- */

static int cmp_enrolment(const void *a, const void *b)
{
	const struct dcust *x = a, *y = b;
	if (x->enrolled_at != y->enrolled_at)
		return x->enrolled_at < y->enrolled_at ? -1 : 1;
	return x->rng < y->rng ? -1 : x->rng > y->rng;
}

/* A first visit drawn from the days, the launch weeks weighing more. */
static int64_t enrol_time(struct gen *g, uint64_t *rng)
{
	for (int tries = 0; tries < 16; tries++) {
		double u = unit(rng) * g->days.ecum[g->days.n];
		size_t d = day_at_weight(g->days.ecum, g->days.n + 1, u);
		int64_t at = day_time(&g->days, rng, d, g->days.v[d].hours);
		if (at <= g->now)
			return at;
	}
	return g->now - between(rng, 60, HOUR);
}

/* Who the customers are and when they come first; ids follow enrolment. */
static void customers_make(struct gen *g)
{
	for (size_t i = 0; i < g->n; i++) {
		struct dcust *c = &g->c[i];
		memset(c, 0, sizeof *c);
		c->rng = g->seed ^ (UINT64_C(0xd1b54a32d192ed03) * (uint64_t)(i + 1));
		rnd(&c->rng);
		double k = unit(&c->rng);
		c->kind = k < 0.04 ? K_PROSPECT : k < 0.55 ? K_ONCE : k < 0.85 ? K_OCCASIONAL : K_REGULAR;
		c->tier = NO_TIER;
		c->goal = -1;
		c->first_sale_at = c->last_sale_at = c->watermark = c->next_expiry = TIME_NONE;
		c->negative_since = TIME_NONE;
		c->last_survey_at = TIME_NONE;
		c->lapse_at = INT64_MAX;
		int64_t v = enrol_time(g, &c->rng);
		if (c->kind == K_PROSPECT) {
			c->enrolled_at = v;
			c->first_visit = TIME_NONE;
		} else if (chance(&c->rng, 0.08)) {
			/* Signed up (a referral, a flyer) and came later. */
			c->enrolled_at = v;
			c->first_visit = visit_after(g, &c->rng, v, exponential(&c->rng, 12));
		} else {
			/* Signed up at the counter, just before paying. */
			c->first_visit = v;
			c->enrolled_at = v - between(&c->rng, 40, 300);
		}
		double scale = c->kind == K_REGULAR ? 0.85 : c->kind == K_ONCE ? 1.1 : 1.0;
		c->basket = (float)(scale * lognormal(&c->rng, 0.45));
		if (c->kind == K_REGULAR) {
			c->gap = (float)(4 * d_exp(unit(&c->rng) * d_log(6))); /* 4 to 24 days */
			if (chance(&c->rng, 0.4))
				c->lapse_at = c->enrolled_at +
					      (int64_t)(exponential(&c->rng, 420) * DAY_SECONDS);
		}
		if (chance(&c->rng, 0.85))
			c->flags |= F_CONSENT;
		if (chance(&c->rng, 0.93))
			c->flags |= F_PHONE;
	}
	qsort(g->c, g->n, sizeof *g->c, cmp_enrolment);
	/* About one in ten came through someone who already shops here. */
	for (size_t i = 20; i < g->n; i++) {
		struct dcust *c = &g->c[i];
		if (!chance(&c->rng, 0.1))
			continue;
		for (int tries = 0; tries < 6; tries++) {
			size_t j = (size_t)(rnd(&c->rng) % i);
			if (g->c[j].enrolled_at >= c->enrolled_at)
				continue;
			c->referrer = (uint32_t)(j + 1);
			if (g->c[j].kind == K_REGULAR || g->c[j].kind == K_OCCASIONAL)
				break;
		}
	}
}

/* The phone as a customer gives it (grouped, international, native
 * digits), stored as phone_normalize stores it.  The subscriber number
 * comes from the index through a bijection, so no two are alike. */
static char *customer_phone(struct gen *g, uint64_t *rng, size_t ci)
{
	const struct profile *pf = g->pf;
	size_t np = 0;
	while (pf->prefixes[np] != NULL)
		np++;
	const char *prefix = pf->prefixes[rnd(rng) % np];
	uint64_t sub = ((uint64_t)ci * UINT64_C(7654321) + (g->seed % 10000000)) % 10000000;
	char national[24], typed[48];
	snprintf(national, sizeof national, "%s%07llu", prefix, (unsigned long long)sub);
	size_t len = strlen(national);
	double r = unit(rng);
	if (r < 0.5) {
		snprintf(typed, sizeof typed, "%s", national);
	} else if (r < 0.75) { /* 0912 345 6789, 055 123 4567 */
		size_t a = len == 11 ? 4 : 3;
		snprintf(typed, sizeof typed, "%.*s %.3s %s", (int)a, national, national + a,
			 national + a + 3);
	} else if (r < 0.9) { /* +98 912 345 6789 */
		snprintf(typed, sizeof typed, "%s %.*s %.3s %s", pf->country, (int)(len - 8),
			 national + 1, national + len - 7, national + len - 4);
	} else {
		char *native = digits_localize(national, pf->native);
		snprintf(typed, sizeof typed, "%s", native);
		free(native);
	}
	char *stored = NULL;
	if (phone_normalize(typed, g->shop->p.country_code, &stored) != PHONE_OK)
		return NULL;
	return stored;
}

/* A full name: given (and, for some Arab names, the father's) and family. */
static char *customer_name(const struct names *nm, const struct profile *pf, uint64_t *rng)
{
	const struct name_list *given = chance(rng, 0.5) ? &nm->female : &nm->male;
	const char *first = given->v[rnd(rng) % given->n];
	const char *family = nm->family.v[rnd(rng) % nm->family.n];
	if (strcmp(pf->lang, "ar") == 0 && chance(rng, 0.3))
		return xasprintf("%s %s %s", first, nm->male.v[rnd(rng) % nm->male.n], family);
	return xasprintf("%s %s", first, family);
}

/* A mailbox for some English-speaking customers: given.family@... */
static char *customer_email(const char *name, uint64_t *rng)
{
	static const char *const domains[] = {"gmail.com", "outlook.com", "yahoo.com",
					      "icloud.com"};
	char local[96];
	size_t n = 0;
	for (const char *p = name; *p && n + 1 < sizeof local; p++) {
		char ch = *p;
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
			local[n++] = ch;
		else if (ch == ' ' && n > 0 && local[n - 1] != '.')
			local[n++] = '.';
	}
	local[n] = '\0';
	if (n == 0)
		return NULL;
	if (chance(rng, 0.4))
		return xasprintf("%s%d@%s", local, (int)between(rng, 1, 99), domains[rnd(rng) % 4]);
	return xasprintf("%s@%s", local, domains[rnd(rng) % 4]);
}

/* Writes customer ci: the shop-wide expiry up to now first (expire_all
 * of points.c), then the row with its summaries. */
static int customer_write(struct gen *g, size_t ci, const struct names *nm,
			  struct collator *coll)
{
	struct dcust *c = &g->c[ci];
	if (g->expiry_secs > 0 && c->next_expiry != TIME_NONE && c->next_expiry <= g->now &&
	    (c->watermark == TIME_NONE || c->watermark < g->now)) {
		if (expiry_apply(g, ci, g->now) != 0 || tier_record(g, ci, g->now, "expiry") != 0)
			return -1;
	}
	uint64_t rng = g->seed ^ (UINT64_C(0x8cb92ba72f3d8dd7) * (uint64_t)(ci + 1));
	rnd(&rng);
	char card[24];
	int64_t id = cust_id(g, ci);
	rule_card_number(id, card);
	struct customer row = {
		.id = id, .card = card, .referrer_id = c->referrer ? cust_id(g, c->referrer - 1) : 0,
		.consent = (c->flags & F_CONSENT) != 0, .active = true,
		.enrolled_at = c->enrolled_at, .balance = c->balance, .sales_count = c->sales_count,
		.spend = c->spend, .first_sale_at = c->first_sale_at, .last_sale_at = c->last_sale_at,
		.watermark = c->watermark, .next_expiry = c->next_expiry,
		.negative_since = c->negative_since,
		.tier = (char *)tier_name(g, c->tier),
	};
	row.name = customer_name(nm, g->pf, &rng);
	if (c->flags & F_PHONE)
		row.phone = customer_phone(g, &rng, ci);
	if (chance(&rng, 0.4)) {
		struct civil today;
		tz_utc_to_local(g->shop->p.timezone, c->enrolled_at, &today, NULL);
		int age = 16 + (int)(exponential(&rng, 14) + 6 * unit(&rng));
		if (age > 85)
			age = 85;
		int m = (int)between(&rng, 1, 12), d = (int)between(&rng, 1, 28);
		row.birthday = xasprintf("%04d-%02d-%02d", today.year - age, m, d);
	}
	if (strcmp(g->pf->lang, "en") == 0 && chance(&rng, 0.35))
		row.email = customer_email(row.name, &rng);
	if (chance(&rng, 0.02))
		row.note = (char *)pick_text(&rng, g->pf->texts[TX_NOTE]);
	/* A few who left for good are marked inactive (after the load, by the
	 * owner's own operation). */
	if (c->last_sale_at != TIME_NONE && g->now - c->last_sale_at > 365 * DAY_SECONDS &&
	    chance(&rng, 0.02)) {
		g->leavers = xgrow(g->leavers, &g->capleavers, g->nleavers + 1, sizeof *g->leavers);
		g->leavers[g->nleavers++] = id;
	}

	struct name_keys k = {0};
	char *search = fold_search_key(row.name);
	uint8_t *sort = NULL;
	k.search_key = search != NULL ? search : "";
	if (coll != NULL && collator_sort_key(coll, row.name, &sort, &k.sort_len) == 0)
		k.sort_key = sort;
	k.nwords = fold_words(k.search_key, &k.words);
	int r = bulk_customer(g->bulk, &row, &k, g->e);
	fold_words_free(k.words, k.nwords);
	free(search);
	free(sort);
	free(row.name);
	free(row.phone);
	free(row.birthday);
	free(row.email);
	free(c->lots);
	free(c->win);
	free(c->win_id);
	c->lots = NULL;
	c->win = NULL;
	c->win_id = NULL;
	return r;
}

/* ---- the shop --------------------------------------------------------- */

/* The local midnight that starts a date of the shop's calendar kind. */
static int64_t feast_day(const char *tz, enum cal_kind kind, int y, int m, int d)
{
	int gy, gm, gd;
	int64_t at;
	if (cal_to_gregorian(kind, y, m, d, &gy, &gm, &gd) != 0)
		return TIME_NONE;
	struct civil c = {.year = gy, .month = gm, .day = gd};
	return tz_local_to_utc(tz, &c, &at) == 0 ? at : TIME_NONE;
}

/* The latest season of a seasonal reward that began before now. */
static void season_dates(enum season s, const char *tz, int64_t now, int64_t *from, int64_t *to)
{
	struct civil t;
	int y, m, d;
	*from = *to = TIME_NONE;
	if (s == SEASON_NONE || tz_utc_to_local(tz, now, &t, NULL) != 0)
		return;
	switch (s) {
	case SEASON_NOWRUZ: /* 15 Esfand to 13 Farvardin */
		if (cal_from_gregorian(CAL_PERSIAN, t.year, t.month, t.day, &y, &m, &d) != 0)
			return;
		if (m < 12 || d < 15)
			y--;
		*from = feast_day(tz, CAL_PERSIAN, y, 12, 15);
		*to = feast_day(tz, CAL_PERSIAN, y + 1, 1, 14);
		break;
	case SEASON_EID: /* 20 Ramadan to 5 Shawwal */
		if (cal_from_gregorian(CAL_ISLAMIC_UMALQURA, t.year, t.month, t.day, &y, &m, &d) != 0)
			return;
		if (m < 9 || (m == 9 && d < 20))
			y--;
		*from = feast_day(tz, CAL_ISLAMIC_UMALQURA, y, 9, 20);
		*to = feast_day(tz, CAL_ISLAMIC_UMALQURA, y, 10, 6);
		break;
	case SEASON_WINTER: /* 1 December to 15 January */
		y = t.month == 12 ? t.year : t.year - 1;
		*from = feast_day(tz, CAL_GREGORIAN, y, 12, 1);
		*to = feast_day(tz, CAL_GREGORIAN, y + 1, 1, 16);
		break;
	case SEASON_NONE:
		break;
	}
	if (*from == TIME_NONE || *to == TIME_NONE)
		*from = *to = TIME_NONE;
}

/* The language's shop: settings, tiers (the lowest replaces Member). */
static int shop_create(struct store *st, const struct profile *pf, struct werr *e)
{
	struct shop_init in = {.currency = pf->currency, .decimals = pf->decimals,
			       .earn_unit = pf->earn_unit, .point_value = pf->point_value,
			       .calendar = pf->calendar, .timezone = pf->timezone,
			       .shop = pf->shop, .lang = pf->lang};
	if (shop_init(st, &in, e) != 0)
		return -1;
	for (size_t i = 0; i < 3; i++) {
		const struct tier_def *t = &pf->tiers[i];
		if (tier_set(st, t->name, t->min_spend, t->multiplier, t->discount, e) != 0)
			return -1;
	}
	return 0;
}

/* The demo's catalog, its money scaled to the shop's. */
static int catalog_create(struct gen *g, double scale)
{
	for (size_t i = 0; i < 6; i++) {
		const struct reward_def *rd = &g->pf->rewards[i];
		struct reward_input in = {.code = rd->code, .name = rd->name, .points = rd->points,
					  .copay = (int64_t)((double)rd->copay * scale),
					  .stock = rd->stock};
		season_dates(rd->season, g->shop->p.timezone, g->now, &in.active_from,
			     &in.active_to);
		struct reward r;
		if (engine_reward_add(g->st, &in, &r, g->e) != 0)
			return -1;
		reward_clear(&r);
	}
	return 0;
}

static int check_params(const struct demo_params *p, struct werr *e)
{
	char lo[MSG_NUM_SIZE], hi[MSG_NUM_SIZE];
	if (p->customers < 1 || p->customers > DEMO_MAX_CUSTOMERS)
		return werr_set(e, W_REFUSED, _("%s: must be from %s to %s"), "--customers",
				msg_int(lo, 1), msg_int(hi, DEMO_MAX_CUSTOMERS));
	if (p->months < 1 || p->months > DEMO_MAX_MONTHS)
		return werr_set(e, W_REFUSED, _("%s: must be from %s to %s"), "--months",
				msg_int(lo, 1), msg_int(hi, DEMO_MAX_MONTHS));
	if (profile_for(p->lang) == NULL)
		return werr_set(e, W_REFUSED, _("--lang: one of en, fa, ar"));
	return 0;
}

/* The start of the history: local midnight `months` months before now.
 * (A shop-wide expiry run before the demo covered none of its customers,
 * who are all new: their history may go back before it.) */
static int history_start(const struct shop *shop, const struct demo_params *p, int64_t *start,
			 struct werr *e)
{
	struct civil t;
	if (tz_utc_to_local(shop->p.timezone, p->now, &t, NULL) != 0)
		return werr_set(e, W_REFUSED, _("unknown time zone \"%s\""), shop->p.timezone);
	int y = t.year, m = t.month - p->months;
	while (m < 1) {
		m += 12;
		y--;
	}
	int d = t.day;
	while (d > 28 && !civil_date_valid(y, m, d))
		d--;
	struct civil c = {.year = y, .month = m, .day = d};
	if (tz_local_to_utc(shop->p.timezone, &c, start) != 0)
		return werr_set(e, W_REFUSED, _("unknown time zone \"%s\""), shop->p.timezone);
	return 0;
}

static int generate(struct gen *g, const struct demo_params *p)
{
	struct names nm = {0};
	struct collator *coll = NULL;
	int r = -1;
	const struct program *pr = &g->shop->p;
	int64_t start;
	if (history_start(g->shop, p, &start, g->e) != 0 ||
	    days_build(&g->days, g->pf, pr->timezone, start, p->now, g->e) != 0)
		goto out;
	if (load_list(&nm.male, g->pf->lang, "male", g->e) != 0 ||
	    load_list(&nm.female, g->pf->lang, "female", g->e) != 0 ||
	    load_list(&nm.family, g->pf->lang, "family", g->e) != 0)
		goto out;
	g->out->start = g->days.v[0].base;
	g->c = xcalloc(g->n, sizeof *g->c);
	g->q.free_slot = NO_SLOT;
	customers_make(g);
	if (bulk_next_ids(g->bulk, &g->ids, g->e) != 0 || bulk_drop_indexes(g->bulk, g->e) != 0)
		goto out;
	g->first_id = g->ids.customer;
	if (replay(g) != 0)
		goto out;
	coll = collator_open(shop_collation_lang(g->shop));
	for (size_t ci = 0; ci < g->n; ci++) {
		if (customer_write(g, ci, &nm, coll) != 0)
			goto out;
		if (g->progress != NULL && ci % 4096 == 0)
			g->progress(g->ctx,
				    PROGRESS_EVENTS + ci * (PROGRESS_TOTAL - PROGRESS_EVENTS - 50) / g->n,
				    PROGRESS_TOTAL);
	}
	g->out->customers = (int64_t)g->n;
	if (g->progress != NULL)
		g->progress(g->ctx, PROGRESS_TOTAL - 50, PROGRESS_TOTAL);
	if (bulk_create_indexes(g->bulk, g->e) != 0)
		goto out;
	for (size_t i = 0; i < g->nleavers; i++)
		if (engine_customer_set_active(g->st, g->leavers[i], false, g->e) != 0)
			goto out;
	char mark[32], mark_id[32];
	snprintf(mark, sizeof mark, "%lld", (long long)p->now);
	snprintf(mark_id, sizeof mark_id, "%lld", (long long)(g->first_id + (int64_t)g->n - 1));
	if ((g->mark == TIME_NONE || p->now > g->mark) &&
	    (settings_set(g->st, "expiry_mark", mark, g->e) != 0 ||
	     settings_set(g->st, "expiry_mark_customer", mark_id, g->e) != 0))
		goto out;
	if (coll != NULL && settings_set(g->st, "collation", collator_version(coll), g->e) != 0)
		goto out;
	r = 0;
out:
	collator_close(coll);
	names_free(&nm);
	if (g->c != NULL)
		for (size_t ci = 0; ci < g->n; ci++) {
			free(g->c[ci].lots);
			free(g->c[ci].win);
			free(g->c[ci].win_id);
		}
	free(g->c);
	free(g->q.h);
	free(g->q.pool);
	free(g->vouchers.v);
	free(g->leavers);
	free(g->x);
	days_free(&g->days);
	return r;
}

/* The shop to fill: the language's, created now, or one that has no
 * customers yet.  Inside the demo's transaction. */
static int shop_prepare(struct store *st, const struct profile *pf, bool *created,
			struct werr *e)
{
	char *currency = NULL;
	int has_shop = settings_get(st, "currency", &currency, e);
	free(currency);
	*created = false;
	if (has_shop < 0)
		return -1;
	if (has_shop == 0) {
		*created = true;
		return shop_create(st, pf, e);
	}
	int64_t n = 0;
	if (customer_count(st, true, &n, e) != 0)
		return -1;
	if (n > 0)
		return werr_set(e, W_REFUSED,
				_("%s already holds a shop with customers; the demo needs a new "
				  "database (give another --db)"),
				store_path(st));
	return 0;
}

/* The money of the purchases: the language's own when the shop counts in
 * its currency, else scaled by the shop's earning unit. */
static double money_setup(struct gen *g)
{
	const struct program *sp = &g->shop->p;
	double scale = 1;
	if (strcmp(sp->currency, g->pf->currency) != 0 || sp->decimals != g->pf->decimals)
		scale = (double)sp->earn_unit / (double)g->pf->earn_unit;
	g->median = (int64_t)((double)g->pf->median * scale);
	g->step = (int64_t)((double)g->pf->step * scale);
	if (g->step < 1)
		g->step = 1;
	if (g->median < g->step)
		g->median = g->step;
	g->price_endings = g->pf->price_endings && scale == 1;
	return scale;
}

int engine_demo(struct store *st, const struct demo_params *p, struct demo_result *out,
		void (*progress)(void *ctx, size_t done, size_t total), void *ctx,
		struct werr *e)
{
	memset(out, 0, sizeof *out);
	if (check_params(p, e) != 0)
		return -1;
	struct shop shop = {0};
	struct gen g = {.st = st, .pf = profile_for(p->lang), .out = out, .e = e,
			.progress = progress, .ctx = ctx, .now = p->now, .seed = p->seed,
			.n = (size_t)p->customers,
			.rng = p->seed ^ UINT64_C(0x5851f42d4c957f2d)};
	if (bulk_begin(st, &g.bulk, e) != 0)
		return -1;
	if (store_begin(st, e) != 0) {
		bulk_end(g.bulk);
		return -1;
	}
	if (shop_prepare(st, g.pf, &out->created_shop, e) != 0 || shop_load(st, &shop, e) != 0)
		goto fail;
	g.shop = &shop;
	g.mark = shop.p.expiry_mark;
	g.mark_customer = shop.p.expiry_mark_customer;
	g.expiry_secs = shop.p.expiry_days * DAY_SECONDS;
	g.window_secs = shop.p.tier_window_days * DAY_SECONDS;
	snprintf(out->shop, sizeof out->shop, "%s", shop.p.shop);
	double scale = money_setup(&g);
	if (rewards_list(st, &g.rewards, &g.nrewards, e) != 0)
		goto fail;
	if (g.nrewards == 0 &&
	    (catalog_create(&g, scale) != 0 || rewards_list(st, &g.rewards, &g.nrewards, e) != 0))
		goto fail;
	if (generate(&g, p) != 0 || store_commit(st, e) != 0)
		goto fail;
	rewards_free(g.rewards, g.nrewards);
	shop_free(&shop);
	bulk_end(g.bulk);
	if (progress != NULL)
		progress(ctx, PROGRESS_TOTAL, PROGRESS_TOTAL);
	return 0;
fail:
	bulk_stop(g.bulk);
	store_rollback(st);
	rewards_free(g.rewards, g.nrewards);
	shop_free(&shop);
	bulk_end(g.bulk);
	memset(out, 0, sizeof *out);
	return -1;
}
