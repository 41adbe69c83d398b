/*
 * libFuzzer target: the XML and TEI loader (libxml2's XML parser with
 * external entities, DTDs and the network refused, internal entities
 * expanded within a budget); the document is then checked, segmented and
 * dumped (fuzz-load.c).
 */
#include "config.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_check_counts(0, data, size);
	return (fuzz_load("xml", 0, data, size));
}
