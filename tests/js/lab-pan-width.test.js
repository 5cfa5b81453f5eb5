// The pan-law and width lab's pure logic (ext/static/labs/pan-width.js) against
// soundlib.effects.pan_gains and effects.width (numbers from Python).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const P = require("../../ext/static/labs/pan-width.js");

const PY = {
  "-3": [[-1, 1, 0], [-0.5, 0.9238795325112867, 0.3826834323650898], [0, 0.7071067811865476, 0.7071067811865475], [0.3, 0.5224985647159489, 0.8526401643540922]],
  "-4.5": [[-0.5, 0.8324119469249975, 0.30930706117266776], [0, 0.5946035575013605, 0.5946035575013605], [0.3, 0.4276382789818775, 0.7444569207349475], [1, 0, 1]],
  "-6": [[-0.5, 0.75, 0.25], [0, 0.5, 0.5], [0.3, 0.35, 0.65]],
};

test("the three laws give soundlib's gains", () => {
  for (const law of Object.keys(PY)) {
    for (const [p, l, r] of PY[law]) {
      const g = P.panGains(p, law + " dB");
      assert.ok(Math.abs(g.left - l) < 1e-12 && Math.abs(g.right - r) < 1e-12, [law, p, g]);
    }
  }
});

test("center attenuation names the law; the choice text may use a real minus sign", () => {
  assert.ok(Math.abs(20 * Math.log10(P.panGains(0, "\u22123 dB").left) - -3.01) < 0.01);
  assert.ok(Math.abs(20 * Math.log10(P.panGains(0, "\u22124.5 dB").left) - -4.52) < 0.01);
  assert.ok(Math.abs(20 * Math.log10(P.panGains(0, "\u22126 dB").left) - -6.02) < 0.01);
  assert.equal(P.lawDb("nonsense"), -3);
});

test("the lesson's worked example: centered under -3 dB the mono sum is 3 dB up", () => {
  const g = P.leadGains({ pan: 0, law: "\u22123 dB", width: 100 });
  assert.ok(Math.abs(g.monoDb - 3.01) < 0.01);
  assert.ok(Math.abs(P.leadGains({ pan: 0, law: "\u22126 dB", width: 100 }).monoDb) < 1e-9);
});

test("width is soundlib.effects.width's mid/side scaling", () => {
  const m = P.widthMatrix(1.5);
  const L = [0.3, 0.1], R = [0.2, -0.4];
  const py = [[0.325, 0.175], [0.225, -0.525]];
  for (let i = 0; i < 2; i++) {
    assert.ok(Math.abs(m.ll * L[i] + m.rl * R[i] - py[i][0]) < 1e-12);
    assert.ok(Math.abs(m.lr * L[i] + m.rr * R[i] - py[i][1]) < 1e-12);
  }
  const mono = P.leadGains({ pan: -100, law: "\u22123 dB", width: 0 });
  assert.ok(Math.abs(mono.left - 0.5) < 1e-12 && Math.abs(mono.right - 0.5) < 1e-12);
});
