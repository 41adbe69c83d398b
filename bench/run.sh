#!/bin/sh
# make bench: to be written.
echo "bench: nothing measured yet"
