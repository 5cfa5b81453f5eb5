// The speaker-delay lab's pure logic (ext/static/labs/speaker-delay.js) against
// soundlib.alignment (numbers from Python) and Module 9's worked example.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const D = require("../../ext/static/labs/speaker-delay.js");

test("speed of sound at 10, 20 and 30 degrees C, as the lesson states", () => {
  const py = [337.3099221955511, 343.21462268256795, 349.01944191506897];
  [10, 20, 30].forEach((t, i) => assert.ok(Math.abs(D.speedOfSound(t) - py[i]) < 1e-9));
  assert.ok(Math.abs(D.travelMs(40, 30) - 114.6067960584662) < 1e-9);
  assert.ok(Math.abs(D.travelMs(40, 10) - 118.58530499085204) < 1e-9);
});

test("the lesson's tower: 40 m plus 10 ms is 126.5 ms (126.6 at 343 m/s)", () => {
  assert.ok(Math.abs(D.towerDelayMs(40, 20) - 126.54515092439743) < 1e-9);
  assert.ok(Math.abs(1000 * 40 / 343 + 10 - 126.6) < 0.05);
});

test("arrivals behind the tower match soundlib.alignment.arrivals_ms", () => {
  const a = D.arrivals({ tower_m: 40, behind_m: 10, temp_c: 20, delay_ms: 126.6 });
  assert.ok(Math.abs(a.main - 145.68143865549678) < 1e-9);
  assert.ok(Math.abs(a.tower - 155.73628773109937) < 1e-9);
  assert.ok(Math.abs(a.lead - 10.05) < 0.01);
  const raw = D.arrivals({ tower_m: 40, behind_m: 10, temp_c: 20, delay_ms: 0 });
  assert.ok(raw.lead < -116 && raw.lead > -117);   // the tower first, the main 116.5 ms later
  assert.ok(Math.abs(D.arrivals({ tower_m: 40, behind_m: 10, temp_c: 20, delay_ms: 117.545 }).firstNotchHz - 500) < 1);
});
