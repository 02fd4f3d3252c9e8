/*
 * test_web.c - the access decisions of `grantcheck serve` (web_allow) as
 * the full matrix role x route x method -> HTTP status, the RCC rule of
 * rcc:ID users, and the small parsers the server relies on (--listen,
 * --max-upload, roles, token hashing and comparison).
 */
#include <check.h>
#include <string.h>
#include <sys/socket.h>

#include "cli.h"
#include "register_users.h"
#include "suites.h"
#include "web.h"
#include "web_auth.h"

/* The matrix, row by row: {GET, POST, OTHER} per route, for
 * anonymous, viewer, rcc:norr, officer. This table IS the policy. */
/* clang-format off */
static const int matrix[WEB_ROLE_COUNT][WEB_ROUTE_COUNT][WEB_METHOD_COUNT] = {
	[WEB_ANON] = {
		[WEB_R_STYLE] = {200, 405, 405},      [WEB_R_LOGIN] = {200, 200, 405},
		[WEB_R_LOGOUT] = {405, 401, 405},     [WEB_R_HOME] = {401, 405, 405},
		[WEB_R_CHECK] = {405, 401, 405},      [WEB_R_GRID] = {401, 405, 405},
		[WEB_R_SUBMISSION] = {401, 405, 405}, [WEB_R_REGISTER] = {401, 401, 405},
		[WEB_R_SUMMARY] = {401, 405, 405},    [WEB_R_NOTFOUND] = {404, 404, 404},
		[WEB_R_ACCEPT] = {405, 401, 405}},
	[WEB_VIEWER] = {
		[WEB_R_STYLE] = {200, 405, 405},      [WEB_R_LOGIN] = {200, 200, 405},
		[WEB_R_LOGOUT] = {405, 200, 405},     [WEB_R_HOME] = {200, 405, 405},
		[WEB_R_CHECK] = {405, 403, 405},      [WEB_R_GRID] = {200, 405, 405},
		[WEB_R_SUBMISSION] = {403, 405, 405}, [WEB_R_REGISTER] = {403, 403, 405},
		[WEB_R_SUMMARY] = {200, 405, 405},    [WEB_R_NOTFOUND] = {404, 404, 404},
		[WEB_R_ACCEPT] = {405, 403, 405}},
	[WEB_RCC] = {
		[WEB_R_STYLE] = {200, 405, 405},      [WEB_R_LOGIN] = {200, 200, 405},
		[WEB_R_LOGOUT] = {405, 200, 405},     [WEB_R_HOME] = {200, 405, 405},
		[WEB_R_CHECK] = {405, 200, 405},      [WEB_R_GRID] = {200, 405, 405},
		[WEB_R_SUBMISSION] = {200, 405, 405}, [WEB_R_REGISTER] = {200, 200, 405},
		[WEB_R_SUMMARY] = {403, 405, 405},    [WEB_R_NOTFOUND] = {404, 404, 404},
		[WEB_R_ACCEPT] = {405, 403, 405}},
	[WEB_OFFICER] = {
		[WEB_R_STYLE] = {200, 405, 405},      [WEB_R_LOGIN] = {200, 200, 405},
		[WEB_R_LOGOUT] = {405, 200, 405},     [WEB_R_HOME] = {200, 405, 405},
		[WEB_R_CHECK] = {405, 200, 405},      [WEB_R_GRID] = {200, 405, 405},
		[WEB_R_SUBMISSION] = {200, 405, 405}, [WEB_R_REGISTER] = {200, 200, 405},
		[WEB_R_SUMMARY] = {200, 405, 405},    [WEB_R_NOTFOUND] = {404, 404, 404},
		[WEB_R_ACCEPT] = {405, 200, 405}},
};
/* clang-format on */

static void who_of(struct web_who *w, enum web_role r)
{
	memset(w, 0, sizeof *w);
	w->role = r;
	if (r == WEB_RCC)
		strcpy(w->rcc, "norr");
}

START_TEST(allow_matrix)
{
	for (int r = 0; r < WEB_ROLE_COUNT; r++)
		for (int route = 0; route < WEB_ROUTE_COUNT; route++)
			for (int m = 0; m < WEB_METHOD_COUNT; m++) {
				struct web_who w;
				who_of(&w, (enum web_role)r);
				int got = web_allow(r == WEB_ANON ? NULL : &w, (enum web_route)route,
				                    (enum web_method)m, NULL);
				ck_assert_msg(got == matrix[r][route][m], "role %d route %d method %d: %d, expected %d",
				              r, route, m, got, matrix[r][route][m]);
			}
}
END_TEST

START_TEST(allow_own_rcc_only)
{
	struct web_who rcc, off, view;
	who_of(&rcc, WEB_RCC);
	who_of(&off, WEB_OFFICER);
	who_of(&view, WEB_VIEWER);
	ck_assert_int_eq(web_allow(&rcc, WEB_R_REGISTER, WEB_POST, "norr"), 200);
	ck_assert_int_eq(web_allow(&rcc, WEB_R_REGISTER, WEB_POST, "syd"), 403);
	ck_assert_int_eq(web_allow(&rcc, WEB_R_REGISTER, WEB_POST, ""), 403); /* RCC unreadable */
	ck_assert_int_eq(web_allow(&rcc, WEB_R_SUBMISSION, WEB_GET, "syd"), 403);
	ck_assert_int_eq(web_allow(&rcc, WEB_R_GRID, WEB_GET, "syd"), 403);
	ck_assert_int_eq(web_allow(&off, WEB_R_REGISTER, WEB_POST, "syd"), 200);
	ck_assert_int_eq(web_allow(&off, WEB_R_REGISTER, WEB_POST, ""), 200);
	ck_assert_int_eq(web_allow(&view, WEB_R_GRID, WEB_GET, "syd"), 200);
	ck_assert_int_eq(web_allow(&view, WEB_R_SUBMISSION, WEB_GET, "syd"), 403);
	/* accepting a warning is the officer's: not an RCC's, not even for its own statement */
	ck_assert_int_eq(web_allow(&rcc, WEB_R_ACCEPT, WEB_POST, "norr"), 403);
	ck_assert_int_eq(web_allow(&off, WEB_R_ACCEPT, WEB_POST, "syd"), 200);
}
END_TEST

START_TEST(roles_and_tokens)
{
	struct web_who w;
	ck_assert(regu_role_valid("officer") && regu_role_valid("viewer") && regu_role_valid("rcc:sydost"));
	ck_assert(!regu_role_valid("rcc:") && !regu_role_valid("admin") && !regu_role_valid("rcc:Syd Ost"));
	ck_assert_int_eq(web_who_from_role(&w, "a", "rcc:syd"), 0);
	ck_assert_int_eq(w.role, WEB_RCC);
	ck_assert_str_eq(w.rcc, "syd");
	ck_assert_int_eq(web_who_from_role(&w, "a", "root"), -1);
	char t1[65], t2[65], h[65];
	strbuf err = {0};
	ck_assert_int_eq(web_random_hex(t1, 32, &err), 0);
	ck_assert_int_eq(web_random_hex(t2, 32, &err), 0);
	ck_assert_int_eq((int)strlen(t1), 64);
	ck_assert_str_ne(t1, t2);
	web_token_hash("abc", h);
	ck_assert_str_eq(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	ck_assert(web_secret_equal(t1, t1) && !web_secret_equal(t1, t2) && !web_secret_equal("ab", "abc"));
	sb_free(&err);
}
END_TEST

START_TEST(sessions_expire_and_end)
{
	struct web_sessions t;
	struct web_session s, got;
	struct web_who w;
	strbuf err = {0};
	web_sessions_init(&t);
	who_of(&w, WEB_OFFICER);
	ck_assert_int_eq(web_session_new(&t, &w, 1000, &s, &err), 0);
	ck_assert_int_eq(web_session_find(&t, s.id, 1001, &got), 1);
	ck_assert_str_eq(got.csrf, s.csrf);
	ck_assert_int_eq(web_session_find(&t, s.id, 1000 + WEB_SESSION_SECONDS, &got), 0); /* expired */
	ck_assert_int_eq(web_session_find(&t, "nope", 1001, &got), 0);
	web_session_end(&t, s.id);
	ck_assert_int_eq(web_session_find(&t, s.id, 1001, &got), 0);
	web_sessions_free(&t);
	sb_free(&err);
}
END_TEST

START_TEST(listen_and_sizes)
{
	struct sockaddr_storage sa;
	int lo;
	strbuf err = {0};
	ck_assert_int_eq(web_parse_listen("127.0.0.1:8080", &sa, &lo, &err), 0);
	ck_assert_int_eq(lo, 1);
	ck_assert_int_eq(web_parse_listen("[::1]:0", &sa, &lo, &err), 0);
	ck_assert_int_eq(lo, 1);
	ck_assert_int_eq(web_parse_listen("0.0.0.0:80", &sa, &lo, &err), 0);
	ck_assert_int_eq(lo, 0);
	ck_assert_int_eq(web_parse_listen("localhost:80", &sa, &lo, &err), -1);
	ck_assert_int_eq(web_parse_listen("127.0.0.1:99999", &sa, &lo, &err), -1);
	ck_assert_int_eq(web_parse_listen("127.0.0.1", &sa, &lo, &err), -1);
	ck_assert_int_eq((int)cli_size("64M"), 64 << 20);
	ck_assert_int_eq((int)cli_size("100"), 100);
	ck_assert(cli_size("0") < 0 && cli_size("-1") < 0 && cli_size("12X") < 0 && cli_size("") < 0);
	sb_free(&err);
}
END_TEST

Suite *web_suite(void)
{
	Suite *s = suite_create("web");
	TCase *tc = tcase_create("web");
	tcase_add_test(tc, allow_matrix);
	tcase_add_test(tc, allow_own_rcc_only);
	tcase_add_test(tc, roles_and_tokens);
	tcase_add_test(tc, sessions_expire_and_end);
	tcase_add_test(tc, listen_and_sizes);
	suite_add_tcase(s, tc);
	return s;
}
