"""The hand-written parser and dumper of the wide workload: every field of the three
levels checked in line, one function per class."""

from __future__ import annotations

from typing import Any

from docgen_bench import WideDetail, WideLeaf, WideRecord  # type: ignore[import-not-found]

from ._base import as_float, fail


def parse_wide_leaf(d: Any, path: Any = "$") -> WideLeaf:
    if type(d) is not dict:
        fail(path, "an object")
    str_00 = d.get("str_00")
    if type(str_00) is not str:
        fail((path, "str_00"), "str")
    int_01 = d.get("int_01")
    if type(int_01) is not int:
        fail((path, "int_01"), "int")
    float_02 = d.get("float_02")
    if type(float_02) is not float or float_02 - float_02 != 0.0:
        float_02 = as_float(float_02, (path, "float_02"))
    bool_03 = d.get("bool_03")
    if type(bool_03) is not bool:
        fail((path, "bool_03"), "bool")
    str_04 = d.get("str_04")
    if type(str_04) is not str:
        fail((path, "str_04"), "str")
    int_05 = d.get("int_05")
    if type(int_05) is not int:
        fail((path, "int_05"), "int")
    float_06 = d.get("float_06")
    if type(float_06) is not float or float_06 - float_06 != 0.0:
        float_06 = as_float(float_06, (path, "float_06"))
    bool_07 = d.get("bool_07")
    if type(bool_07) is not bool:
        fail((path, "bool_07"), "bool")
    str_08 = d.get("str_08")
    if type(str_08) is not str:
        fail((path, "str_08"), "str")
    int_09 = d.get("int_09")
    if type(int_09) is not int:
        fail((path, "int_09"), "int")
    float_10 = d.get("float_10")
    if type(float_10) is not float or float_10 - float_10 != 0.0:
        float_10 = as_float(float_10, (path, "float_10"))
    bool_11 = d.get("bool_11")
    if type(bool_11) is not bool:
        fail((path, "bool_11"), "bool")
    str_12 = d.get("str_12")
    if str_12 is not None and type(str_12) is not str:
        fail((path, "str_12"), "str or null")
    int_13 = d.get("int_13")
    if int_13 is not None and type(int_13) is not int:
        fail((path, "int_13"), "int or null")
    float_14 = d.get("float_14")
    if float_14 is not None and (type(float_14) is not float or float_14 - float_14 != 0.0):
        float_14 = as_float(float_14, (path, "float_14"))
    bool_15 = d.get("bool_15")
    if bool_15 is not None and type(bool_15) is not bool:
        fail((path, "bool_15"), "bool or null")
    str_16 = d.get("str_16")
    if str_16 is not None and type(str_16) is not str:
        fail((path, "str_16"), "str or null")
    int_17 = d.get("int_17")
    if int_17 is not None and type(int_17) is not int:
        fail((path, "int_17"), "int or null")
    labels = d.get("labels")
    if labels is not None:
        if type(labels) is not dict:
            fail((path, "labels"), "an object")
        for k, v in labels.items():
            if type(k) is not str or type(v) is not str:
                fail(((path, "labels"), k), "str")
        labels = dict(labels)
    scores = d.get("scores")
    if scores is not None:
        if type(scores) is not list:
            fail((path, "scores"), "a list")
        scores = [
            x if type(x) is float and x - x == 0.0 else as_float(x, ((path, "scores"), i)) for i, x in enumerate(scores)
        ]
    return WideLeaf(
        str_00, int_01, float_02, bool_03, str_04, int_05, float_06, bool_07,
        str_08, int_09, float_10, bool_11, str_12, int_13, float_14, bool_15,
        str_16, int_17, labels, scores,
    )  # fmt: skip


def parse_wide_detail(d: Any, path: Any = "$") -> WideDetail:
    if type(d) is not dict:
        fail(path, "an object")
    leaf = parse_wide_leaf(d.get("leaf"), (path, "leaf"))
    str_00 = d.get("str_00")
    if type(str_00) is not str:
        fail((path, "str_00"), "str")
    int_01 = d.get("int_01")
    if type(int_01) is not int:
        fail((path, "int_01"), "int")
    float_02 = d.get("float_02")
    if type(float_02) is not float or float_02 - float_02 != 0.0:
        float_02 = as_float(float_02, (path, "float_02"))
    bool_03 = d.get("bool_03")
    if type(bool_03) is not bool:
        fail((path, "bool_03"), "bool")
    str_04 = d.get("str_04")
    if type(str_04) is not str:
        fail((path, "str_04"), "str")
    int_05 = d.get("int_05")
    if type(int_05) is not int:
        fail((path, "int_05"), "int")
    float_06 = d.get("float_06")
    if type(float_06) is not float or float_06 - float_06 != 0.0:
        float_06 = as_float(float_06, (path, "float_06"))
    bool_07 = d.get("bool_07")
    if type(bool_07) is not bool:
        fail((path, "bool_07"), "bool")
    str_08 = d.get("str_08")
    if type(str_08) is not str:
        fail((path, "str_08"), "str")
    int_09 = d.get("int_09")
    if type(int_09) is not int:
        fail((path, "int_09"), "int")
    float_10 = d.get("float_10")
    if type(float_10) is not float or float_10 - float_10 != 0.0:
        float_10 = as_float(float_10, (path, "float_10"))
    bool_11 = d.get("bool_11")
    if type(bool_11) is not bool:
        fail((path, "bool_11"), "bool")
    str_12 = d.get("str_12")
    if str_12 is not None and type(str_12) is not str:
        fail((path, "str_12"), "str or null")
    int_13 = d.get("int_13")
    if int_13 is not None and type(int_13) is not int:
        fail((path, "int_13"), "int or null")
    float_14 = d.get("float_14")
    if float_14 is not None and (type(float_14) is not float or float_14 - float_14 != 0.0):
        float_14 = as_float(float_14, (path, "float_14"))
    bool_15 = d.get("bool_15")
    if bool_15 is not None and type(bool_15) is not bool:
        fail((path, "bool_15"), "bool or null")
    str_16 = d.get("str_16")
    if str_16 is not None and type(str_16) is not str:
        fail((path, "str_16"), "str or null")
    int_17 = d.get("int_17")
    if int_17 is not None and type(int_17) is not int:
        fail((path, "int_17"), "int or null")
    leafs = d.get("leafs")
    if leafs is not None:
        if type(leafs) is not list:
            fail((path, "leafs"), "a list")
        leafs = [parse_wide_leaf(x, ((path, "leafs"), i)) for i, x in enumerate(leafs)]
    return WideDetail(
        leaf, str_00, int_01, float_02, bool_03, str_04, int_05, float_06,
        bool_07, str_08, int_09, float_10, bool_11, str_12, int_13, float_14,
        bool_15, str_16, int_17, leafs,
    )  # fmt: skip


def parse_wide_record(d: Any, path: Any = "$") -> WideRecord:
    if type(d) is not dict:
        fail(path, "an object")
    detail = parse_wide_detail(d.get("detail"), (path, "detail"))
    str_00 = d.get("str_00")
    if type(str_00) is not str:
        fail((path, "str_00"), "str")
    int_01 = d.get("int_01")
    if type(int_01) is not int:
        fail((path, "int_01"), "int")
    float_02 = d.get("float_02")
    if type(float_02) is not float or float_02 - float_02 != 0.0:
        float_02 = as_float(float_02, (path, "float_02"))
    bool_03 = d.get("bool_03")
    if type(bool_03) is not bool:
        fail((path, "bool_03"), "bool")
    str_04 = d.get("str_04")
    if type(str_04) is not str:
        fail((path, "str_04"), "str")
    int_05 = d.get("int_05")
    if type(int_05) is not int:
        fail((path, "int_05"), "int")
    float_06 = d.get("float_06")
    if type(float_06) is not float or float_06 - float_06 != 0.0:
        float_06 = as_float(float_06, (path, "float_06"))
    bool_07 = d.get("bool_07")
    if type(bool_07) is not bool:
        fail((path, "bool_07"), "bool")
    str_08 = d.get("str_08")
    if type(str_08) is not str:
        fail((path, "str_08"), "str")
    int_09 = d.get("int_09")
    if type(int_09) is not int:
        fail((path, "int_09"), "int")
    float_10 = d.get("float_10")
    if type(float_10) is not float or float_10 - float_10 != 0.0:
        float_10 = as_float(float_10, (path, "float_10"))
    bool_11 = d.get("bool_11")
    if type(bool_11) is not bool:
        fail((path, "bool_11"), "bool")
    str_12 = d.get("str_12")
    if str_12 is not None and type(str_12) is not str:
        fail((path, "str_12"), "str or null")
    int_13 = d.get("int_13")
    if int_13 is not None and type(int_13) is not int:
        fail((path, "int_13"), "int or null")
    float_14 = d.get("float_14")
    if float_14 is not None and (type(float_14) is not float or float_14 - float_14 != 0.0):
        float_14 = as_float(float_14, (path, "float_14"))
    bool_15 = d.get("bool_15")
    if bool_15 is not None and type(bool_15) is not bool:
        fail((path, "bool_15"), "bool or null")
    str_16 = d.get("str_16")
    if str_16 is not None and type(str_16) is not str:
        fail((path, "str_16"), "str or null")
    int_17 = d.get("int_17")
    if int_17 is not None and type(int_17) is not int:
        fail((path, "int_17"), "int or null")
    details = d.get("details")
    if details is not None:
        if type(details) is not list:
            fail((path, "details"), "a list")
        details = [parse_wide_detail(x, ((path, "details"), i)) for i, x in enumerate(details)]
    return WideRecord(
        detail, str_00, int_01, float_02, bool_03, str_04, int_05, float_06,
        bool_07, str_08, int_09, float_10, bool_11, str_12, int_13, float_14,
        bool_15, str_16, int_17, details,
    )  # fmt: skip


def dump_wide_leaf(o: WideLeaf) -> dict[str, Any]:
    r = {
        "str_00": o.str_00,
        "int_01": o.int_01,
        "float_02": o.float_02,
        "bool_03": o.bool_03,
        "str_04": o.str_04,
        "int_05": o.int_05,
        "float_06": o.float_06,
        "bool_07": o.bool_07,
        "str_08": o.str_08,
        "int_09": o.int_09,
        "float_10": o.float_10,
        "bool_11": o.bool_11,
    }
    if o.str_12 is not None:
        r["str_12"] = o.str_12
    if o.int_13 is not None:
        r["int_13"] = o.int_13
    if o.float_14 is not None:
        r["float_14"] = o.float_14
    if o.bool_15 is not None:
        r["bool_15"] = o.bool_15
    if o.str_16 is not None:
        r["str_16"] = o.str_16
    if o.int_17 is not None:
        r["int_17"] = o.int_17
    if o.labels is not None:
        r["labels"] = dict(o.labels)
    if o.scores is not None:
        r["scores"] = list(o.scores)
    return r


def dump_wide_detail(o: WideDetail) -> dict[str, Any]:
    r = {
        "leaf": dump_wide_leaf(o.leaf),
        "str_00": o.str_00,
        "int_01": o.int_01,
        "float_02": o.float_02,
        "bool_03": o.bool_03,
        "str_04": o.str_04,
        "int_05": o.int_05,
        "float_06": o.float_06,
        "bool_07": o.bool_07,
        "str_08": o.str_08,
        "int_09": o.int_09,
        "float_10": o.float_10,
        "bool_11": o.bool_11,
    }
    if o.str_12 is not None:
        r["str_12"] = o.str_12
    if o.int_13 is not None:
        r["int_13"] = o.int_13
    if o.float_14 is not None:
        r["float_14"] = o.float_14
    if o.bool_15 is not None:
        r["bool_15"] = o.bool_15
    if o.str_16 is not None:
        r["str_16"] = o.str_16
    if o.int_17 is not None:
        r["int_17"] = o.int_17
    if o.leafs is not None:
        r["leafs"] = [dump_wide_leaf(x) for x in o.leafs]
    return r


def dump_wide_record(o: WideRecord) -> dict[str, Any]:
    r = {
        "detail": dump_wide_detail(o.detail),
        "str_00": o.str_00,
        "int_01": o.int_01,
        "float_02": o.float_02,
        "bool_03": o.bool_03,
        "str_04": o.str_04,
        "int_05": o.int_05,
        "float_06": o.float_06,
        "bool_07": o.bool_07,
        "str_08": o.str_08,
        "int_09": o.int_09,
        "float_10": o.float_10,
        "bool_11": o.bool_11,
    }
    if o.str_12 is not None:
        r["str_12"] = o.str_12
    if o.int_13 is not None:
        r["int_13"] = o.int_13
    if o.float_14 is not None:
        r["float_14"] = o.float_14
    if o.bool_15 is not None:
        r["bool_15"] = o.bool_15
    if o.str_16 is not None:
        r["str_16"] = o.str_16
    if o.int_17 is not None:
        r["int_17"] = o.int_17
    if o.details is not None:
        r["details"] = [dump_wide_detail(x) for x in o.details]
    return r
