/*
 * Unit tests: copying out of the reader (issue 16): base64 (RFC 4648's
 * vectors, and UTF-8 text in three scripts), the OSC 52 sequence and its
 * limit, the copy file and where it goes.
 */
#include "config.h"

#include <sys/stat.h>

#include <unistd.h>

#include "unit.h"

#include "clip.h"
#include "file.h"

/* RFC 4648, section 10, and text in French and Russian. */
static void
test_base64(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} v[] = {
		{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" },
		{ "foo", "Zm9v" }, { "foob", "Zm9vYg==" },
		{ "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" },
		/* printf %s 'États' | base64 */
		{ "États", "w4l0YXRz" },
		/* printf %s 'лёд' | base64 */
		{ "лёд", "0LvRkdC0" }
	};
	size_t	i;
	char	*s;

	for (i = 0; i < nitems(v); i++) {
		s = clip_base64(v[i].in, strlen(v[i].in));
		assert_string_equal(s, v[i].out);
		free(s);
	}
	/* Any byte, controls too: the sequence cannot be ended early. */
	s = clip_base64("\033]\a\0\xff", 5);
	assert_string_equal(s, "G10HAP8=");
	free(s);
}

/* ESC ] 52 ; c ; BASE64 ESC \, and nothing past the limit. */
static void
test_osc52(void **state)
{
	char	*s, *big;

	s = clip_osc52("foobar", 6);
	assert_string_equal(s, "\033]52;c;Zm9vYmFy\033\\");
	free(s);
	big = xmalloc(CLIP_OSC52_MAX + 1);
	memset(big, 'a', CLIP_OSC52_MAX + 1);
	s = clip_osc52(big, CLIP_OSC52_MAX);
	assert_non_null(s);
	assert_int_equal(strlen(s), 7 + (CLIP_OSC52_MAX + 2) / 3 * 4 + 2);
	free(s);
	assert_null(clip_osc52(big, CLIP_OSC52_MAX + 1));
	free(big);
}

/* The copy file: in $XDG_RUNTIME_DIR, else the data folder; replaced. */
static void
test_file(void **state)
{
	char		*dir = tmpdir("u-clip"), *path, *data, *cause = NULL;
	const char	*run = getenv("XDG_RUNTIME_DIR");
	struct stat	 st;
	size_t		 len;

	unsetenv("XDG_RUNTIME_DIR");
	path = clip_path(dir);
	assert_non_null(strstr(path, dir));
	assert_non_null(strstr(path, "/polyread-copy.txt"));
	assert_int_equal(clip_file(path, "Тромсё\n", strlen("Тромсё\n"),
	    &cause), 0);
	assert_int_equal(clip_file(path, "Tromsø", strlen("Tromsø"), &cause),
	    0);
	assert_int_equal(file_read(path, 1024, &data, &len, &cause), 0);
	assert_string_equal(data, "Tromsø");
	free(data);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	unlink(path);
	free(path);
	/* A relative runtime folder is none. */
	setenv("XDG_RUNTIME_DIR", "run", 1);
	path = clip_path(dir);
	assert_non_null(strstr(path, dir));
	free(path);
	setenv("XDG_RUNTIME_DIR", dir, 1);
	path = clip_path("/nonexistent");
	assert_non_null(strstr(path, dir));
	free(path);
	/* A folder that cannot be written: a message, no crash. */
	assert_int_equal(clip_file("/nonexistent/polyread-copy.txt", "x", 1,
	    &cause), -1);
	assert_non_null(strstr(cause, "cannot write '/nonexistent/"));
	free(cause);
	if (run != NULL)
		setenv("XDG_RUNTIME_DIR", run, 1);
	rmdir(dir);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base64),
		cmocka_unit_test(test_osc52),
		cmocka_unit_test(test_file),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
