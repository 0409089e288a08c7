#!/bin/sh
# Makes the journal fixture of issue 25 and what this version prints for it.
# Run from the repository's root after `swift build --build-tests`:
#   sh Tests/Fixtures/journal-v7/make.sh
# The store is written by JournalFixtureMaker (Tests/SargsStoreTests) in a
# private temporary folder and copied here; the outputs are the binary's.
# JournalFixtureTests (Tests/EndToEndTests) runs the same commands on a copy
# and compares. Do not make it again after the journal's format changes:
# the point is a store written before.
set -eu
here=Tests/Fixtures/journal-v7
work=$(mktemp -d /tmp/sargs-journal-fixture.XXXXXX)
SARGS_MAKE_JOURNAL_FIXTURE="$work/store.sqlite" swift test --skip-build --filter JournalFixtureMaker >/dev/null
cp "$work/store.sqlite" "$here/store.sqlite"
cp "$work/store.sqlite" "$work/copy.sqlite"
chmod 0644 "$here/store.sqlite"
sh "$here/outputs.sh" .build/debug/sargs "$work/copy.sqlite" "$here"
rm -rf "$work"
