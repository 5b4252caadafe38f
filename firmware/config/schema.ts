import { Type, type Static } from '@sinclair/typebox';
import { ms, oneOf, type CamelCased } from '../../core/index.js';
import { RecognizerConfigSchema } from '../../inference/index.js';

/**
 * The appliance config, written once: this schema gives the validator, the defaults, the
 * documentation (every field has a description) and, through CamelCased<>, the TypeScript type the
 * code uses. Keys are snake_case in the file and camelCase in code.
 */
const pin = (description: string) => Type.Integer({ minimum: 0, maximum: 1023, description });

const Exposure = (shutterUs: number, gain: number, when: string) =>
  Type.Object(
    {
      shutter_us: Type.Integer({ minimum: 10, maximum: 1_000_000, default: shutterUs, description: `Manual shutter time in microseconds (${when}).` }),
      gain: Type.Number({ minimum: 1, maximum: 64, default: gain, description: `Analogue gain (${when}).` }),
    },
    { additionalProperties: false, default: {}, description: `Exposure ${when}.` },
  );

export const ApplianceConfigSchema = Type.Object(
  {
    device_id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{2,62}$', default: 'appliance-dev', description: 'This appliance\'s id, as enrolled at the hub (lower case, digits, dashes).' }),
    site_id: Type.String({ default: '', description: 'The approved site this appliance is bound to (set by enrollment).' }),
    log_level: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info', description: 'pino log level.' }),
    data_dir: Type.String({ minLength: 1, default: '/var/lib/alpr', description: 'Folder for the read buffer and runtime state.' }),
    gpio: Type.Object(
      {
        type: oneOf(['simulated', 'onoff', 'johnny-five'], { default: 'simulated', description: 'GPIO backend: Linux GPIO (onoff), a Firmata/IO-plugin board (johnny-five), or the simulated chip.' }),
        chip_base: Type.Integer({ minimum: 0, default: 0, description: 'onoff: sysfs number of the header\'s GPIO 0 (512 on a Pi 4, 571 on a Pi 5 with kernel 6.6+).' }),
        port: Type.String({ default: '/dev/ttyACM0', description: 'johnny-five: serial port of the Firmata board.' }),
        timeout_ms: ms(10_000, 'johnny-five: how long to wait for the board to become ready.', 100),
      },
      { additionalProperties: false, default: {}, description: 'GPIO controller.' },
    ),
    illuminator: Type.Object(
      {
        enabled: Type.Boolean({ default: true, description: 'Whether an IR illuminator is fitted.' }),
        pin: pin('Output pin that switches the illuminator driver.'),
        active_low: Type.Boolean({ default: false, description: 'The driver lights the LEDs when the pin is low.' }),
        level: Type.Number({ minimum: 0.05, maximum: 1, default: 1, description: 'Brightness 0.05..1; below 1 needs a PWM pin (johnny-five).' }),
        max_duty_cycle: Type.Number({ exclusiveMinimum: 0, maximum: 1, default: 0.5, description: 'Largest lit fraction of the duty window (LED thermal limit from the datasheet).' }),
        duty_window_ms: ms(60_000, 'Sliding window over which the duty cycle is measured.', 100),
        strobe_lead_ms: ms(5, 'Lit this long before each exposure.'),
        strobe_trail_ms: ms(5, 'Lit this long after each exposure.'),
      },
      { additionalProperties: false, default: { pin: 18 }, description: 'IR illuminator.' },
    ),
    day_night: Type.Object(
      {
        source: oneOf(['sun', 'sensor'], { default: 'sun', description: 'Ambient-light sensor on a GPIO input, or sunrise/sunset at the site coordinates.' }),
        sensor_pin: pin('sensor: input pin of the photo-switch module.'),
        sensor_dark_level: Type.Union([Type.Literal(0), Type.Literal(1)], { default: 1, description: 'sensor: the level the module outputs in the dark.' }),
        night_below_lux: Type.Number({ minimum: 0, default: 10, description: 'sensor: night when ambient light falls below this.' }),
        day_above_lux: Type.Number({ minimum: 0, default: 50, description: 'sensor: day when ambient light rises above this (hysteresis band between).' }),
        latitude: Type.Number({ minimum: -90, maximum: 90, default: 41.8781, description: 'sun: site latitude in degrees.' }),
        longitude: Type.Number({ minimum: -180, maximum: 180, default: -87.6298, description: 'sun: site longitude in degrees (east positive).' }),
        poll_ms: ms(10_000, 'How often the light source is sampled.', 10),
        hold_ms: ms(60_000, 'A new mode must persist this long before it is adopted.'),
      },
      { additionalProperties: false, default: { sensor_pin: 23 }, description: 'Day/night mode for exposure and illuminator.' },
    ),
    trigger: Type.Object(
      {
        mode: oneOf(['inputs', 'free-run'], { default: 'free-run', description: 'Vehicle detector inputs, or a fixed frame rate where none is fitted.' }),
        inputs: Type.Array(
          Type.Object(
            {
              pin: pin('Input pin of the detector contact.'),
              kind: oneOf(['loop', 'radar', 'beam'], { default: 'loop', description: 'Detector type (reported with each trigger).' }),
              active_low: Type.Boolean({ default: true, description: 'The detector pulls the line low for a vehicle (open-collector output).' }),
            },
            { additionalProperties: false },
          ),
          { default: [], description: 'inputs: one entry per detector.' },
        ),
        debounce_ms: ms(20, 'inputs: a level must hold this long to count.'),
        hold_off_ms: ms(500, 'inputs: after a trigger, further triggers are ignored this long.'),
        frames_per_second: Type.Number({ exclusiveMinimum: 0, maximum: 60, default: 2, description: 'free-run: bursts per second.' }),
      },
      { additionalProperties: false, default: {}, description: 'Vehicle trigger.' },
    ),
    tamper: Type.Object(
      {
        enabled: Type.Boolean({ default: true, description: 'Whether an enclosure switch is fitted.' }),
        pin: pin('Input pin of the enclosure switch.'),
        open_level: Type.Union([Type.Literal(0), Type.Literal(1)], { default: 1, description: 'Level the pin shows while the enclosure is open.' }),
        debounce_ms: ms(50, 'A level must hold this long to count.'),
      },
      { additionalProperties: false, default: { pin: 24 }, description: 'Enclosure tamper switch.' },
    ),
    camera: Type.Object(
      {
        type: oneOf(['replay', 'libcamera', 'v4l2'], { default: 'libcamera', description: 'Camera backend.' }),
        camera_id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,31}$', default: 'cam0', description: 'Camera id within the appliance.' }),
        folder: Type.String({ default: '', description: 'replay: folder of JPEG/PNG frames (required for replay).' }),
        loop: Type.Boolean({ default: false, description: 'replay: start again after the last frame.' }),
        frames_per_second: Type.Number({ minimum: 0, maximum: 120, default: 0, description: 'replay: hand frames out no faster than this (0 = no limit).' }),
        device: Type.String({ default: '/dev/video0', description: 'v4l2: device node.' }),
        width: Type.Integer({ minimum: 16, maximum: 8192, default: 1920, description: 'libcamera, v4l2: capture width.' }),
        height: Type.Integer({ minimum: 16, maximum: 8192, default: 1080, description: 'libcamera, v4l2: capture height.' }),
        frame_format: oneOf(['raw', 'jpeg'], { default: 'raw', description: 'raw: frames reach the recognizer as I420 (libcamera --encoding yuv420, V4L2 through ffmpeg as yuv420p), no JPEG per frame; the evidence JPEG is made only for frames that give a read. jpeg: JPEG frames (libcamera JPEG files, V4L2 MJPEG), decoded per frame. replay: raw converts each file to I420 as it is read. Raw needs an even width and height.' }),
        input_format: oneOf(['yuyv422', 'nv12', 'mjpeg'], { default: 'yuyv422', description: 'v4l2, frame_format raw: pixel format asked of the camera; mjpeg for a camera whose uncompressed mode cannot reach the size (ffmpeg then decodes it in its own process).' }),
        quality: Type.Integer({ minimum: 1, maximum: 100, default: 90, description: 'libcamera, frame_format jpeg: JPEG quality.' }),
        burst_frames: Type.Integer({ minimum: 1, maximum: 20, default: 3, description: 'Frames captured per trigger.' }),
        burst_interval_ms: ms(50, 'Time between frames of a burst.', 1),
        day: Exposure(500, 1, 'by day'),
        night: Exposure(1000, 8, 'by night, with the illuminator'),
      },
      { additionalProperties: false, default: {}, description: 'Camera.' },
    ),
    recognizer: RecognizerConfigSchema,
    buffer: Type.Object(
      {
        key_file: Type.String({ default: '', description: 'AES-256 data key file (32 bytes, mode 0600), written at enrollment. Empty: <data_dir>/data.key.' }),
        max_bytes: Type.Integer({ minimum: 1_000_000, default: 8_000_000_000, description: 'Byte budget for buffered reads; beyond it the oldest are evicted and reported as data loss.' }),
        retention_days: Type.Number({ exclusiveMinimum: 0, maximum: 30, default: 30, description: 'No read is kept longer than this after capture, synced or not (General Order 4.68 VI: at most 30).' }),
        lease_ms: ms(120_000, 'A batch handed to the uplink and not acknowledged within this is sent again.', 1000),
        evict_every_ms: ms(60_000, 'How often expired reads are evicted (also at start).', 1000),
      },
      { additionalProperties: false, default: {}, description: 'Encrypted read buffer (LevelDB under data_dir).' },
    ),
    sync: Type.Object(
      {
        enabled: Type.Boolean({ default: false, description: 'Send reads to the hub (enrollment turns this on).' }),
        broker_url: Type.String({ default: 'mqtt://127.0.0.1:1883', description: 'MQTT broker (mqtt:// or mqtts://): the hub\'s embedded broker or an external one.' }),
        fallback_broker_urls: Type.Array(Type.String({ pattern: '^mqtts?://' }), { maxItems: 16, default: [], description: 'Other nodes of a broker cluster, tried in turn when the connection to broker_url is lost (docs/scaling.md).' }),
        mqtt_version: Type.Union([Type.Literal(4), Type.Literal(5)], { default: 4, description: 'MQTT protocol: 4 (3.1.1; the embedded broker and RabbitMQ 3.10 speak only this) or 5 (Mosquitto, EMQX, RabbitMQ 3.13+), under which the broker is also told the largest packet this appliance takes (8 MiB) and drops larger ones for it (docs/sync.md, Limits).' }),
        mqtt_password: Type.String({ default: '', description: 'Password for an external broker\'s password file; empty: a token signed with the device key (embedded broker).' }),
        ca_file: Type.String({ default: '', description: 'PEM file of the CA that issued the broker\'s certificate (mqtts://), written at enrollment from --hub-ca. Empty: the system CAs.' }),
        device_key_file: Type.String({ default: '', description: 'Ed25519 device key (PEM, 0600), made at enrollment. Empty: <data_dir>/device.pem.' }),
        hub_keys_file: Type.String({ default: '', description: 'The hub\'s public keys, written at enrollment. Empty: <data_dir>/hub.json.' }),
        batch_max_reads: Type.Integer({ minimum: 1, maximum: 5000, default: 500, description: 'Most reads in one batch.' }),
        batch_max_bytes: Type.Integer({ minimum: 10_000, maximum: 64_000_000, default: 4_000_000, description: 'Most encrypted bytes in one batch.' }),
        batch_max_age_ms: ms(200, 'A partly full batch is sent once its oldest read is this old.'),
        ack_timeout_ms: ms(10_000, 'Resend a batch the hub has not acknowledged within this.', 100),
        puback_timeout_ms: ms(30_000, 'Reconnect (to the next broker node) when the broker has acknowledged no publish for this long while one waits: a node stopped, or dropping what it refuses. Must exceed the upload time of the largest batch.', 1000),
        backoff_initial_ms: ms(500, 'First retry delay; doubles (with jitter) up to backoff_max_ms.', 10),
        backoff_max_ms: ms(60_000, 'Longest retry delay.', 100),
        status_every_ms: ms(60_000, 'How often the retained status message is refreshed.', 1000),
      },
      { additionalProperties: false, default: {}, description: 'Sync to the hub over MQTT.' },
    ),
    pipeline: Type.Object(
      {
        capture_queue: Type.Integer({ minimum: 1, maximum: 1000, default: 4, description: 'Triggers waiting for the camera; more are dropped and counted.' }),
        recognize_queue: Type.Integer({ minimum: 1, maximum: 1000, default: 16, description: 'Frames waiting for the recognizer; more are dropped and counted.' }),
        frame_pool_bytes: Type.Integer({ minimum: 1_000_000, default: 256_000_000, description: 'Most frame bytes held in memory at once (a raw 1920x1080 I420 frame is 3.1 MB, a JPEG about 0.3 MB); a burst that does not fit is truncated or dropped and counted.' }),
        stage_stuck_ms: ms(30_000, 'A stage busy on one item longer than this is reported stuck and its part restarted.', 100),
      },
      { additionalProperties: false, default: {}, description: 'Capture pipeline.' },
    ),
    supervisor: Type.Object(
      {
        max_restarts: Type.Integer({ minimum: 0, maximum: 100, default: 5, description: 'Restarts allowed per part within the window before the process exits.' }),
        restart_window_ms: ms(60_000, 'Window for counting restarts.', 1),
        restart_delay_ms: ms(1_000, 'Pause before restarting a failed part.'),
        stop_deadline_ms: ms(10_000, 'SIGTERM: parts must stop within this.', 1),
      },
      { additionalProperties: false, default: {}, description: 'Supervisor.' },
    ),
    health: Type.Object(
      {
        interval_ms: ms(30_000, 'How often the health status is logged and published.', 100),
      },
      { additionalProperties: false, default: {}, description: 'Health reporting.' },
    ),
  },
  { additionalProperties: false, description: 'ALPR appliance configuration.' },
);

export type ApplianceConfigFile = Static<typeof ApplianceConfigSchema>;

/** The validated, frozen config the code reads. */
export type ApplianceConfig = CamelCased<ApplianceConfigFile>;

