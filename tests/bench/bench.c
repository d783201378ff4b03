/* bench.c -- in-process timings for the benchmark (tests/bench/bench.sh):
 * customer search by phone prefix and by name fragment, durable purchase
 * entry, and the baseline: a bare durable one-row INSERT transaction on the
 * same file.  Prints "name median_ms p99_ms count" lines.
 *
 * usage: bench DB ITERATIONS SEED */
#include <config.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/sale.h"
#include "engine/shop.h"
#include "store/customers.h"
#include "store/store.h"
#include "text/fold.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void report(const char *name, double *v, size_t n)
{
	if (n == 0)
		return;
	qsort(v, n, sizeof *v, cmp);
	size_t p99 = (size_t)((double)(n - 1) * 0.99);
	printf("%s %.3f %.3f %zu\n", name, v[n / 2], v[p99], n);
}

static uint64_t rng_state;
static uint64_t next_rand(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench DB ITERATIONS [SEED]\n");
		return 2;
	}
	const char *path = argv[1];
	size_t iters = (size_t)atoi(argv[2]);
	rng_state = argc > 3 ? (uint64_t)atoll(argv[3]) * 2654435761u + 1 : 88172645463325252ULL;
	struct store *st = NULL;
	struct werr e = {0};
	struct shop shop;
	if (store_open(path, STORE_EXISTING, &st, &e) != 0 || shop_load(st, &shop, &e) != 0) {
		fprintf(stderr, "bench: %s\n", e.msg);
		return 1;
	}
	int64_t ncust = 0;
	customer_count(st, true, &ncust, &e);
	double *t = calloc(iters, sizeof *t);
	size_t n;

	/* Search by a phone prefix of 6 digits and by a name fragment. */
	n = 0;
	double *tn = calloc(iters, sizeof *tn);
	size_t nn = 0;
	for (size_t i = 0; i < iters * 4 && (n < iters || nn < iters); i++) {
		struct customer c;
		if (customer_get(st, 1 + (int64_t)(next_rand() % (uint64_t)ncust), &c, &e) <= 0)
			continue;
		struct customer_hit *hits;
		size_t nh;
		if (c.phone != NULL && strlen(c.phone) > 6 && n < iters) {
			char prefix[8];
			memcpy(prefix, c.phone, 6);
			prefix[6] = '\0';
			double t0 = now_ms();
			if (customer_search(st, prefix, shop.p.country_code, 20, &hits, &nh, &e) == 0)
				customer_hits_free(hits, nh);
			t[n++] = now_ms() - t0;
		}
		if (nn < iters) {
			/* The first three letters of a word of the name. */
			char *key = fold_search_key(c.name);
			char **words;
			size_t nw = fold_words(key, &words);
			if (nw > 0) {
				const char *w = words[next_rand() % nw];
				char frag[16];
				size_t len = 0, letters = 0;
				while (w[len] != '\0' && letters < 3) {
					len++;
					while ((w[len] & 0xC0) == 0x80)
						len++;
					letters++;
				}
				if (len >= sizeof frag)
					len = sizeof frag - 1;
				memcpy(frag, w, len);
				frag[len] = '\0';
				double t0 = now_ms();
				if (customer_search(st, frag, shop.p.country_code, 20, &hits, &nh,
						    &e) == 0)
					customer_hits_free(hits, nh);
				tn[nn++] = now_ms() - t0;
			}
			fold_words_free(words, nw);
			free(key);
		}
		customer_clear(&c);
	}
	report("search_phone", t, n);
	report("search_name", tn, nn);

	/* Durable purchase entry through the engine. */
	n = 0;
	for (size_t i = 0; i < iters; i++) {
		struct purchase_request rq = {
			.customer_id = 1 + (int64_t)(next_rand() % (uint64_t)ncust),
			.amount = (int64_t)(1 + next_rand() % 50) * 1000,
			.at = TIME_NONE,
		};
		struct purchase_result res;
		double t0 = now_ms();
		int r = engine_purchase(st, &rq, &res, &e);
		double dt = now_ms() - t0;
		if (r == 0)
			t[n++] = dt;
	}
	report("purchase", t, n);
	shop_free(&shop);
	store_close(st);

	/* The baseline: a bare durable one-row INSERT transaction, same file,
	 * same settings (WAL, synchronous=FULL). */
	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK)
		return 1;
	sqlite3_exec(db, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; "
			 "CREATE TABLE IF NOT EXISTS bench_insert (id INTEGER PRIMARY KEY, v INTEGER)",
		     NULL, NULL, NULL);
	sqlite3_stmt *ins;
	sqlite3_prepare_v2(db, "INSERT INTO bench_insert (v) VALUES (?)", -1, &ins, NULL);
	n = 0;
	for (size_t i = 0; i < iters; i++) {
		double t0 = now_ms();
		sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		sqlite3_bind_int64(ins, 1, (sqlite3_int64)i);
		sqlite3_step(ins);
		sqlite3_reset(ins);
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		t[n++] = now_ms() - t0;
	}
	report("insert_baseline", t, n);
	sqlite3_finalize(ins);
	sqlite3_exec(db, "DROP TABLE bench_insert", NULL, NULL, NULL);
	sqlite3_close(db);
	free(t);
	free(tn);
	return 0;
}
