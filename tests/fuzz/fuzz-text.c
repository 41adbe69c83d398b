/*
 * libFuzzer target: the plain-text loader (charset detection, paragraphs,
 * title, byline, headings, items, page furniture), once as prose and once
 * presegmented (a sentence per line); each document is then checked,
 * segmented and dumped (fuzz-load.c).
 */
#include "config.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_load("text", 0, data, size);
	return (fuzz_load("text", 1, data, size));
}
