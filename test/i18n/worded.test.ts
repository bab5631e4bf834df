/**
 * The pure helpers that word a value for the page take the page's language:
 * Chinese on a Chinese page, and exactly the old English by default.
 */
import { describe, expect, it } from "vitest";
import { plainHint } from "../../src/components/typecheck/friendly.ts";
import { judgeNumber } from "../../src/components/predictions.ts";
import { formatControlValue } from "../../src/runtime/controls.ts";
import { crashText } from "../../src/runtime/crash.ts";

describe("worded in the page's language", () => {
  it("type checker hints", () => {
    const d = { code: 2304, message: "Cannot find name 'lossFn'.", related: [] };
    expect(plainHint(d)).toMatch(/^Nothing above this line defines that name/);
    expect(plainHint(d, "zh-CN")).toMatch(/^这一行之前没有定义这个名字/);
    const missing = { code: 2554, message: "Expected 2 arguments, but got 1.", related: ["An argument for 'by' was not provided."] };
    expect(plainHint(missing, "zh-CN")).toContain("为 by 补上一个值");
  });

  it("how far a prediction was", () => {
    expect(judgeNumber(-0.5, -0.72, 0.25)).toEqual({ close: false, off: "31 %" });
    expect(judgeNumber(-0.5, -0.72, 0.25, "linear", "zh-CN")).toEqual({ close: false, off: "31%" });
    expect(judgeNumber(1e-10, 1.1e-11, 1, "log", "zh-CN")).toEqual({ close: true, off: "1.0 个数量级" });
    expect(judgeNumber(-1e-10, 1.1e-11, 1, "log", "zh-CN").off).toBe("符号不同");
  });

  it("control values: words translated, numbers unchanged", () => {
    expect(formatControlValue(true)).toBe("on");
    expect(formatControlValue(false, "zh-CN")).toBe("关");
    expect(formatControlValue(0.1 + 0.2, "zh-CN")).toBe("0.3");
    expect(formatControlValue("0.1,0.2,0;0.3,0.4,1", "zh-CN")).toBe("2 个点");
  });

  it("why a kernel died", () => {
    expect(crashText({ code: "kernel-silent" }, "en")).toBe("the kernel stopped answering (it did not acknowledge the run), so it was restarted");
    expect(crashText({ code: "kernel-silent" }, "zh-CN")).toBe("内核停止了应答（没有确认这次运行），因此已重启");
    expect(crashText({ code: "exited", exitCode: 3 }, "zh-CN")).toBe("内核已退出，退出码 3");
    // The platform's own words are shown as they are, in either edition.
    expect(crashText({ code: "failed", detail: "Uncaught SyntaxError: x" }, "zh-CN")).toBe("Uncaught SyntaxError: x");
    expect(crashText({ code: "failed" }, "zh-CN")).toBe("内核出错");
  });
});
