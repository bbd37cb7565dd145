#!/bin/sh
# Put the VietNews texts of tests/data/analysis/realtext/manifest.tsv into a folder OUTSIDE the
# repository (the corpus states no licence, so its texts are never committed) and check each
# sha256 against the manifest. Then: PRESSWATCH_REALTEXT_DIR=<out> python bench/analysis.py --set real
#
#   scripts/fetch-realtext.sh OUT [GIT_DIR]
#
# GIT_DIR: a clone (or bare mirror) of github.com/ThanhChinhBK/vietnews holding the manifest's
# commit; without it the repository is cloned into OUT/.vietnews.git (~200 MB).
set -eu
out=${1:?usage: fetch-realtext.sh OUT [GIT_DIR]}
here=$(cd "$(dirname "$0")/.." && pwd)
manifest=$here/tests/data/analysis/realtext/manifest.tsv
git_dir=${2:-}
if [ -z "$git_dir" ]; then
    git_dir=$out/.vietnews.git
    [ -d "$git_dir" ] || git clone --bare https://github.com/ThanhChinhBK/vietnews "$git_dir"
fi
grep -v '^#' "$manifest" | tail -n +2 | while IFS="$(printf '\t')" read -r id split fmt src commit path sha lic; do
    case $path in
        vietnews/*)
            target=$out/$path
            mkdir -p "$(dirname "$target")"
            git --git-dir "$git_dir" show "$commit:${path#vietnews/}" > "$target"
            got=$(sha256sum "$target" | cut -d' ' -f1)
            if [ "$got" != "$sha" ]; then echo "sha256 differs: $id $path" >&2; exit 1; fi
            ;;
    esac
done
echo "$(find "$out/vietnews" -type f | wc -l) texts in $out, every sha256 as in the manifest"
