import t from 'tap';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfigFile, validateConfig } from '../../../firmware/index.js';
import { tempDir } from '../../helpers/index.js';

t.test('an empty config gets every default, in camelCase, frozen', async (tt) => {
  const config = validateConfig({});
  tt.equal(config.camera.type, 'libcamera');
  tt.equal(config.camera.burstFrames, 3);
  tt.equal(config.illuminator.maxDutyCycle, 0.5);
  tt.equal(config.trigger.mode, 'free-run');
  tt.ok(Object.isFrozen(config) && Object.isFrozen(config.camera.day), 'deeply frozen');
  tt.throws(() => {
    (config as { logLevel: string }).logLevel = 'debug';
  });
});

t.test('YAML and JSON files are read; snake_case keys map to camelCase', async (tt) => {
  const dir = await tempDir(tt);
  await writeFile(join(dir, 'a.yaml'), 'device_id: pole-7\ncamera:\n  type: replay\n  folder: /frames\n  burst_frames: 5\n');
  await writeFile(join(dir, 'a.json'), JSON.stringify({ device_id: 'pole-8', trigger: { mode: 'inputs', inputs: [{ pin: 17 }] } }));
  const yaml = await loadConfigFile(join(dir, 'a.yaml'));
  tt.equal(yaml.deviceId, 'pole-7');
  tt.equal(yaml.camera.burstFrames, 5);
  const json = await loadConfigFile(join(dir, 'a.json'));
  tt.same(json.trigger.inputs, [{ pin: 17, kind: 'loop', activeLow: true }], 'defaults inside list items');
});

t.test('every problem is reported as path: message, unknown keys included', async (tt) => {
  try {
    validateConfig({ camera: { type: 'webcam', burst_frames: 0 }, illuminator: { pin: 18, colour: 'red' }, bogus: 1 });
    tt.fail('should throw');
  } catch (err) {
    const e = err as { code: string; message: string; details: { problems: string[] } };
    tt.equal(e.code, 'ALPR_ERR_CONFIG_INVALID');
    tt.ok(e.details.problems.includes('camera.type: must be one of "replay", "libcamera", "v4l2"'), e.message);
    tt.ok(e.details.problems.includes('illuminator.colour: unknown key'));
    tt.ok(e.details.problems.includes('bogus: unknown key'));
    tt.ok(e.details.problems.some((p) => p.startsWith('camera.burst_frames: ')));
  }
});

t.test('rules between fields: a replay camera needs a folder; inputs mode needs inputs', async (tt) => {
  tt.throws(() => validateConfig({ camera: { type: 'replay' } }), { code: 'ALPR_ERR_CONFIG_INVALID', message: /camera\.folder: required/ });
  tt.throws(() => validateConfig({ trigger: { mode: 'inputs' } }), { message: /trigger\.inputs: at least one/ });
  tt.throws(() => validateConfig({ day_night: { night_below_lux: 100, day_above_lux: 50 } }), { message: /night_below_lux/ });
});

t.test('cameras hand raw frames unless told otherwise; a raw frame needs even sides', async (tt) => {
  tt.equal(validateConfig({}).camera.frameFormat, 'raw', 'raw by default');
  tt.equal(validateConfig({}).camera.inputFormat, 'yuyv422', 'V4L2 asks for the camera\'s YUYV mode');
  tt.throws(() => validateConfig({ camera: { type: 'v4l2', width: 1281, height: 721 } }), { code: 'ALPR_ERR_CONFIG_INVALID', message: /camera\.width: must be even[\s\S]*camera\.height: must be even/ });
  tt.equal(validateConfig({ camera: { type: 'v4l2', width: 1281, frame_format: 'jpeg' } }).camera.width, 1281, 'JPEG frames may have odd sides');
  tt.throws(() => validateConfig({ camera: { frame_format: 'bmp' } }), { code: 'ALPR_ERR_CONFIG_INVALID', message: /camera\.frame_format: must be one of "raw", "jpeg"/ });
});

t.test('a missing file and malformed text are typed errors', async (tt) => {
  const dir = await tempDir(tt);
  await tt.rejects(loadConfigFile(join(dir, 'none.yaml')), { code: 'ALPR_ERR_CONFIG_NOT_FOUND' });
  await writeFile(join(dir, 'bad.yaml'), 'camera: [unclosed');
  await tt.rejects(loadConfigFile(join(dir, 'bad.yaml')), { code: 'ALPR_ERR_CONFIG_PARSE' });
  await writeFile(join(dir, 'bad.json'), '{"camera": ');
  await tt.rejects(loadConfigFile(join(dir, 'bad.json')), { code: 'ALPR_ERR_CONFIG_PARSE' });
  await writeFile(join(dir, 'list.yaml'), '- 1\n- 2\n');
  await tt.rejects(loadConfigFile(join(dir, 'list.yaml')), { code: 'ALPR_ERR_CONFIG_INVALID' });
});

t.test('the example config shipped for installers is valid', async (tt) => {
  const config = await loadConfigFile(new URL('../../../firmware/deploy/appliance.example.yaml', import.meta.url).pathname);
  tt.equal(config.gpio.type, 'onoff');
  tt.equal(config.trigger.inputs.length, 1);
});

t.test('sync.mqtt_version is MQTT 3.1.1 (4) unless set to 5; anything else is refused', async (tt) => {
  tt.equal(validateConfig({}).sync.mqttVersion, 4);
  tt.equal(validateConfig({ sync: { mqtt_version: 5 } }).sync.mqttVersion, 5);
  tt.throws(() => validateConfig({ sync: { mqtt_version: 3 } }), { code: 'ALPR_ERR_CONFIG_INVALID', message: /sync\.mqtt_version/ });
});
