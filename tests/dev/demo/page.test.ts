import { describe, expect, it } from "vitest";
import { renderDemoPage } from "../../../dev/demo/page.js";

const assets = { script: 'document.title = "ok";', style: "body { margin: 0; }" };

describe("renderDemoPage", () => {
  it("inlines the script and the styles under the request's nonce", () => {
    const html = renderDemoPage({ nonce: "abc123==", assets });
    expect(html).toContain(`<style nonce="abc123==">${assets.style}</style>`);
    expect(html).toContain(`<script nonce="abc123==">${assets.script}</script>`);
  });

  it("keeps only base64 characters of the nonce, so it cannot break out of the attribute", () => {
    const html = renderDemoPage({ nonce: 'abc"><img src=x>', assets });
    expect(html).toContain('<script nonce="abcimgsrc=x">');
    expect(html).not.toContain("<img");
  });

  it("refuses a script or stylesheet that would close its own element early", () => {
    expect(() =>
      renderDemoPage({ nonce: "n", assets: { ...assets, script: 'let s = "</SCRIPT>";' } }),
    ).toThrow(/script contains "<\/script"/);
    expect(() =>
      renderDemoPage({
        nonce: "n",
        assets: { ...assets, style: "a::after { content: '</style>' }" },
      }),
    ).toThrow(/style contains "<\/style"/);
  });
});
