/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $Array = $util.global.Array, $String = $util.global.String, $parseInt = $util.global.parseInt, $Boolean = $util.global.Boolean, $BigInt = $util.global.BigInt, $isFinite = $util.global.isFinite;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const alpr = $root.alpr = (() => {

    /**
     * Namespace alpr.
     * @exports alpr
     * @namespace
     */
    const alpr = {};

    alpr.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof alpr
         * @namespace
         */
        const v1 = {};

        v1.Point = (function() {

            /**
             * Properties of a Point.
             * @typedef {Object} alpr.v1.Point.$Properties
             * @property {number|null} [x] Point x
             * @property {number|null} [y] Point y
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Point.
             * @memberof alpr.v1
             * @interface IPoint
             * @augments alpr.v1.Point.$Properties
             * @deprecated Use alpr.v1.Point.$Properties instead.
             */

            /**
             * Shape of a Point.
             * @typedef {alpr.v1.Point.$Properties} alpr.v1.Point.$Shape
             */

            /**
             * Constructs a new Point.
             * @memberof alpr.v1
             * @classdesc Represents a Point.
             * @constructor
             * @param {alpr.v1.Point.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Point = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Point x.
             * @member {number} x
             * @memberof alpr.v1.Point
             * @instance
             */
            Point.prototype.x = 0;

            /**
             * Point y.
             * @member {number} y
             * @memberof alpr.v1.Point
             * @instance
             */
            Point.prototype.y = 0;

            /**
             * Creates a new Point instance using the specified properties.
             * @function create
             * @memberof alpr.v1.Point
             * @static
             * @param {alpr.v1.Point.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.Point} Point instance
             * @type {{
             *   (properties: alpr.v1.Point.$Shape): alpr.v1.Point & alpr.v1.Point.$Shape;
             *   (properties?: alpr.v1.Point.$Properties): alpr.v1.Point;
             * }}
             */
            Point.create = function(properties) {
                return new Point(properties);
            };

            /**
             * Encodes the specified Point message. Does not implicitly {@link alpr.v1.Point.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.Point
             * @static
             * @param {alpr.v1.Point.$Properties} m Point message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Point.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.x != null && $Object.hasOwnProperty.call(m, "x") && m.x !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.x);
                if (m.y != null && $Object.hasOwnProperty.call(m, "y") && m.y !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.y);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Point message, length delimited. Does not implicitly {@link alpr.v1.Point.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.Point
             * @static
             * @param {alpr.v1.Point.$Properties} message Point message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Point.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Point message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.Point
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.Point & alpr.v1.Point.$Shape} Point
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Point.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.Point();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.x = v;
                            else
                                delete m.x;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.y = v;
                            else
                                delete m.y;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a Point message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.Point
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.Point & alpr.v1.Point.$Shape} Point
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Point.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Point message.
             * @function verify
             * @memberof alpr.v1.Point
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Point.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.x != null && $Object.hasOwnProperty.call(m, "x")) {
                    if (!$util.isInteger(m.x))
                        return "x: integer expected";
                }
                if (m.y != null && $Object.hasOwnProperty.call(m, "y")) {
                    if (!$util.isInteger(m.y))
                        return "y: integer expected";
                }
                return null;
            };

            /**
             * Creates a Point message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.Point
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.Point} Point
             */
            Point.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.Point)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.Point: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.Point();
                if (d.x != null) {
                    if ($Number(d.x) !== 0) {
                        m.x = d.x | 0;
                    }
                }
                if (d.y != null) {
                    if ($Number(d.y) !== 0) {
                        m.y = d.y | 0;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Point message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.Point
             * @static
             * @param {alpr.v1.Point} m Point
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Point.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.x = 0;
                    d.y = 0;
                }
                if (m.x != null && $Object.hasOwnProperty.call(m, "x")) {
                    d.x = m.x;
                }
                if (m.y != null && $Object.hasOwnProperty.call(m, "y")) {
                    d.y = m.y;
                }
                return d;
            };

            /**
             * Converts this Point to JSON.
             * @function toJSON
             * @memberof alpr.v1.Point
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Point.prototype.toJSON = function() {
                return Point.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Point
             * @function getTypeUrl
             * @memberof alpr.v1.Point
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Point.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.Point";
            };

            return Point;
        })();

        v1.Read = (function() {

            /**
             * Properties of a Read.
             * @typedef {Object} alpr.v1.Read.$Properties
             * @property {string|null} [id] Read id
             * @property {number|null} [capturedAtMs] Read capturedAtMs
             * @property {string|null} [siteId] Read siteId
             * @property {string|null} [cameraId] Read cameraId
             * @property {string|null} [plate] Read plate
             * @property {number|null} [confidence] Read confidence
             * @property {Array.<number>|null} [charConfidences] Read charConfidences
             * @property {string|null} [region] Read region
             * @property {number|null} [regionConfidence] Read regionConfidence
             * @property {boolean|null} [lowConfidence] Read lowConfidence
             * @property {Array.<alpr.v1.Point.$Properties>|null} [corners] Read corners
             * @property {Uint8Array|null} [cropJpeg] Read cropJpeg
             * @property {Uint8Array|null} [contextJpeg] Read contextJpeg
             * @property {number|null} [deviceCapturedAtMs] Read deviceCapturedAtMs
             * @property {string|null} [vehicleColour] Read vehicleColour
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Read.
             * @memberof alpr.v1
             * @interface IRead
             * @augments alpr.v1.Read.$Properties
             * @deprecated Use alpr.v1.Read.$Properties instead.
             */

            /**
             * Shape of a Read.
             * @typedef {alpr.v1.Read.$Properties} alpr.v1.Read.$Shape
             */

            /**
             * Constructs a new Read.
             * @memberof alpr.v1
             * @classdesc Represents a Read.
             * @constructor
             * @param {alpr.v1.Read.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Read = function (p) {
                this.charConfidences = [];
                this.corners = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Read id.
             * @member {string} id
             * @memberof alpr.v1.Read
             * @instance
             */
            Read.prototype.id = "";

            /**
             * Read capturedAtMs.
             * @member {number} capturedAtMs
             * @memberof alpr.v1.Read
             * @instance
             */
            Read.prototype.capturedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Read siteId.
             * @member {string} siteId
             * @memberof alpr.v1.Read
             * @instance
             */
            Read.prototype.siteId = "";

            /**
             * Read cameraId.
             * @member {string} cameraId
             * @memberof alpr.v1.Read
             * @instance
             */
            Read.prototype.cameraId = "";

            /**
             * Read plate.
             * @member {string} plate
             * @memberof alpr.v1.Read
             * @instance
             */
            Read.prototype.plate = "";

            /**
             * Read confidence.
             * @member {number} confidence
             * @memberof alpr.v1.Read
             * @instance
             */
            Read.prototype.confidence = 0;

            /**
             * Read charConfidences.
             * @member {Array.<number>} charConfidences
             * @memberof alpr.v1.Read
             * @instance
             */
            Read.prototype.charConfidences = $util.emptyArray;

            /**
             * Read region.
             * @member {string} region
             * @memberof alpr.v1.Read
             * @instance
             */
            Read.prototype.region = "";

            /**
             * Read regionConfidence.
             * @member {number} regionConfidence
             * @memberof alpr.v1.Read
             * @instance
             */
            Read.prototype.regionConfidence = 0;

            /**
             * Read lowConfidence.
             * @member {boolean} lowConfidence
             * @memberof alpr.v1.Read
             * @instance
             */
            Read.prototype.lowConfidence = false;

            /**
             * Read corners.
             * @member {Array.<alpr.v1.Point.$Properties>} corners
             * @memberof alpr.v1.Read
             * @instance
             */
            Read.prototype.corners = $util.emptyArray;

            /**
             * Read cropJpeg.
             * @member {Uint8Array} cropJpeg
             * @memberof alpr.v1.Read
             * @instance
             */
            Read.prototype.cropJpeg = $util.newBuffer([]);

            /**
             * Read contextJpeg.
             * @member {Uint8Array} contextJpeg
             * @memberof alpr.v1.Read
             * @instance
             */
            Read.prototype.contextJpeg = $util.newBuffer([]);

            /**
             * Read deviceCapturedAtMs.
             * @member {number} deviceCapturedAtMs
             * @memberof alpr.v1.Read
             * @instance
             */
            Read.prototype.deviceCapturedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Read vehicleColour.
             * @member {string} vehicleColour
             * @memberof alpr.v1.Read
             * @instance
             */
            Read.prototype.vehicleColour = "";

            /**
             * Creates a new Read instance using the specified properties.
             * @function create
             * @memberof alpr.v1.Read
             * @static
             * @param {alpr.v1.Read.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.Read} Read instance
             * @type {{
             *   (properties: alpr.v1.Read.$Shape): alpr.v1.Read & alpr.v1.Read.$Shape;
             *   (properties?: alpr.v1.Read.$Properties): alpr.v1.Read;
             * }}
             */
            Read.create = function(properties) {
                return new Read(properties);
            };

            /**
             * Encodes the specified Read message. Does not implicitly {@link alpr.v1.Read.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.Read
             * @static
             * @param {alpr.v1.Read.$Properties} m Read message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Read.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.id);
                if (m.capturedAtMs != null && $Object.hasOwnProperty.call(m, "capturedAtMs") && (typeof m.capturedAtMs === "object" ? m.capturedAtMs.low || m.capturedAtMs.high : m.capturedAtMs !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).int64(m.capturedAtMs);
                if (m.siteId != null && $Object.hasOwnProperty.call(m, "siteId") && m.siteId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.siteId);
                if (m.cameraId != null && $Object.hasOwnProperty.call(m, "cameraId") && m.cameraId !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.cameraId);
                if (m.plate != null && $Object.hasOwnProperty.call(m, "plate") && m.plate !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.plate);
                if (m.confidence != null && $Object.hasOwnProperty.call(m, "confidence") && !$Object.is(m.confidence, 0))
                    w.uint32(/* id 6, wireType 5 =*/53).float(m.confidence);
                if (m.charConfidences != null && m.charConfidences.length) {
                    w.uint32(/* id 7, wireType 2 =*/58).floats(m.charConfidences);
                }
                if (m.region != null && $Object.hasOwnProperty.call(m, "region") && m.region !== "")
                    w.uint32(/* id 8, wireType 2 =*/66).string(m.region);
                if (m.regionConfidence != null && $Object.hasOwnProperty.call(m, "regionConfidence") && !$Object.is(m.regionConfidence, 0))
                    w.uint32(/* id 9, wireType 5 =*/77).float(m.regionConfidence);
                if (m.lowConfidence != null && $Object.hasOwnProperty.call(m, "lowConfidence") && m.lowConfidence !== false)
                    w.uint32(/* id 10, wireType 0 =*/80).bool(m.lowConfidence);
                if (m.corners != null && m.corners.length) {
                    for (var i = 0; i < m.corners.length; ++i)
                        $root.alpr.v1.Point.encode(m.corners[i], w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                }
                if (m.cropJpeg != null && $Object.hasOwnProperty.call(m, "cropJpeg") && m.cropJpeg.length)
                    w.uint32(/* id 12, wireType 2 =*/98).bytes(m.cropJpeg);
                if (m.contextJpeg != null && $Object.hasOwnProperty.call(m, "contextJpeg") && m.contextJpeg.length)
                    w.uint32(/* id 13, wireType 2 =*/106).bytes(m.contextJpeg);
                if (m.deviceCapturedAtMs != null && $Object.hasOwnProperty.call(m, "deviceCapturedAtMs") && (typeof m.deviceCapturedAtMs === "object" ? m.deviceCapturedAtMs.low || m.deviceCapturedAtMs.high : m.deviceCapturedAtMs !== 0))
                    w.uint32(/* id 14, wireType 0 =*/112).int64(m.deviceCapturedAtMs);
                if (m.vehicleColour != null && $Object.hasOwnProperty.call(m, "vehicleColour") && m.vehicleColour !== "")
                    w.uint32(/* id 15, wireType 2 =*/122).string(m.vehicleColour);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Read message, length delimited. Does not implicitly {@link alpr.v1.Read.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.Read
             * @static
             * @param {alpr.v1.Read.$Properties} message Read message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Read.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Read message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.Read
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.Read & alpr.v1.Read.$Shape} Read
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Read.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.Read();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.id = v;
                            else
                                delete m.id;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.capturedAtMs = v;
                            else
                                delete m.capturedAtMs;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.siteId = v;
                            else
                                delete m.siteId;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.cameraId = v;
                            else
                                delete m.cameraId;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.plate = v;
                            else
                                delete m.plate;
                            continue;
                        }
                    case 6: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.confidence = v;
                            else
                                delete m.confidence;
                            continue;
                        }
                    case 7: {
                            if (u === 2) {
                                if (!(m.charConfidences && m.charConfidences.length))
                                    m.charConfidences = [];
                                r.floats(m.charConfidences);
                                continue;
                            }
                            if (u !== 5)
                                break;
                            if (!(m.charConfidences && m.charConfidences.length))
                                m.charConfidences = [];
                            m.charConfidences.push(r.float());
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.region = v;
                            else
                                delete m.region;
                            continue;
                        }
                    case 9: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.regionConfidence = v;
                            else
                                delete m.regionConfidence;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.lowConfidence = v;
                            else
                                delete m.lowConfidence;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if (!(m.corners && m.corners.length))
                                m.corners = [];
                            m.corners.push($root.alpr.v1.Point.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.cropJpeg = v;
                            else
                                delete m.cropJpeg;
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.contextJpeg = v;
                            else
                                delete m.contextJpeg;
                            continue;
                        }
                    case 14: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.deviceCapturedAtMs = v;
                            else
                                delete m.deviceCapturedAtMs;
                            continue;
                        }
                    case 15: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.vehicleColour = v;
                            else
                                delete m.vehicleColour;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a Read message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.Read
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.Read & alpr.v1.Read.$Shape} Read
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Read.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Read message.
             * @function verify
             * @memberof alpr.v1.Read
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Read.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    if (!$util.isString(m.id))
                        return "id: string expected";
                }
                if (m.capturedAtMs != null && $Object.hasOwnProperty.call(m, "capturedAtMs")) {
                    if (!$util.isInteger(m.capturedAtMs) && !(m.capturedAtMs && $util.isInteger(m.capturedAtMs.low) && $util.isInteger(m.capturedAtMs.high)))
                        return "capturedAtMs: integer|Long expected";
                }
                if (m.siteId != null && $Object.hasOwnProperty.call(m, "siteId")) {
                    if (!$util.isString(m.siteId))
                        return "siteId: string expected";
                }
                if (m.cameraId != null && $Object.hasOwnProperty.call(m, "cameraId")) {
                    if (!$util.isString(m.cameraId))
                        return "cameraId: string expected";
                }
                if (m.plate != null && $Object.hasOwnProperty.call(m, "plate")) {
                    if (!$util.isString(m.plate))
                        return "plate: string expected";
                }
                if (m.confidence != null && $Object.hasOwnProperty.call(m, "confidence")) {
                    if (typeof m.confidence !== "number")
                        return "confidence: number expected";
                }
                if (m.charConfidences != null && $Object.hasOwnProperty.call(m, "charConfidences")) {
                    if (!$Array.isArray(m.charConfidences))
                        return "charConfidences: array expected";
                    for (var i = 0; i < m.charConfidences.length; ++i) {
                        if (typeof m.charConfidences[i] !== "number")
                            return "charConfidences: number[] expected";
                    }
                }
                if (m.region != null && $Object.hasOwnProperty.call(m, "region")) {
                    if (!$util.isString(m.region))
                        return "region: string expected";
                }
                if (m.regionConfidence != null && $Object.hasOwnProperty.call(m, "regionConfidence")) {
                    if (typeof m.regionConfidence !== "number")
                        return "regionConfidence: number expected";
                }
                if (m.lowConfidence != null && $Object.hasOwnProperty.call(m, "lowConfidence")) {
                    if (typeof m.lowConfidence !== "boolean")
                        return "lowConfidence: boolean expected";
                }
                if (m.corners != null && $Object.hasOwnProperty.call(m, "corners")) {
                    if (!$Array.isArray(m.corners))
                        return "corners: array expected";
                    for (var i = 0; i < m.corners.length; ++i) {
                        {
                            var e = $root.alpr.v1.Point.verify(m.corners[i], q + 1);
                            if (e)
                                return "corners." + e;
                        }
                    }
                }
                if (m.cropJpeg != null && $Object.hasOwnProperty.call(m, "cropJpeg")) {
                    if (!(m.cropJpeg && typeof m.cropJpeg.length === "number" || $util.isString(m.cropJpeg)))
                        return "cropJpeg: buffer expected";
                }
                if (m.contextJpeg != null && $Object.hasOwnProperty.call(m, "contextJpeg")) {
                    if (!(m.contextJpeg && typeof m.contextJpeg.length === "number" || $util.isString(m.contextJpeg)))
                        return "contextJpeg: buffer expected";
                }
                if (m.deviceCapturedAtMs != null && $Object.hasOwnProperty.call(m, "deviceCapturedAtMs")) {
                    if (!$util.isInteger(m.deviceCapturedAtMs) && !(m.deviceCapturedAtMs && $util.isInteger(m.deviceCapturedAtMs.low) && $util.isInteger(m.deviceCapturedAtMs.high)))
                        return "deviceCapturedAtMs: integer|Long expected";
                }
                if (m.vehicleColour != null && $Object.hasOwnProperty.call(m, "vehicleColour")) {
                    if (!$util.isString(m.vehicleColour))
                        return "vehicleColour: string expected";
                }
                return null;
            };

            /**
             * Creates a Read message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.Read
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.Read} Read
             */
            Read.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.Read)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.Read: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.Read();
                if (d.id != null) {
                    if (typeof d.id !== "string" || d.id.length) {
                        m.id = $String(d.id);
                    }
                }
                if (d.capturedAtMs != null) {
                    if (typeof d.capturedAtMs === "object" ? d.capturedAtMs.low || d.capturedAtMs.high : $Number(d.capturedAtMs) !== 0) {
                        if ($util.Long)
                            m.capturedAtMs = $util.Long.fromValue(d.capturedAtMs, false);
                        else if (typeof d.capturedAtMs === "string")
                            m.capturedAtMs = $parseInt(d.capturedAtMs, 10);
                        else if (typeof d.capturedAtMs === "number")
                            m.capturedAtMs = d.capturedAtMs;
                        else if (typeof d.capturedAtMs === "object")
                            m.capturedAtMs = new $util.LongBits(d.capturedAtMs.low >>> 0, d.capturedAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.siteId != null) {
                    if (typeof d.siteId !== "string" || d.siteId.length) {
                        m.siteId = $String(d.siteId);
                    }
                }
                if (d.cameraId != null) {
                    if (typeof d.cameraId !== "string" || d.cameraId.length) {
                        m.cameraId = $String(d.cameraId);
                    }
                }
                if (d.plate != null) {
                    if (typeof d.plate !== "string" || d.plate.length) {
                        m.plate = $String(d.plate);
                    }
                }
                if (d.confidence != null) {
                    if (!$Object.is($Number(d.confidence), 0)) {
                        m.confidence = $Number(d.confidence);
                    }
                }
                if (d.charConfidences) {
                    if (!$Array.isArray(d.charConfidences))
                        throw $TypeError(".alpr.v1.Read.charConfidences: array expected");
                    m.charConfidences = $Array(d.charConfidences.length);
                    for (var i = 0; i < d.charConfidences.length; ++i) {
                        m.charConfidences[i] = $Number(d.charConfidences[i]);
                    }
                }
                if (d.region != null) {
                    if (typeof d.region !== "string" || d.region.length) {
                        m.region = $String(d.region);
                    }
                }
                if (d.regionConfidence != null) {
                    if (!$Object.is($Number(d.regionConfidence), 0)) {
                        m.regionConfidence = $Number(d.regionConfidence);
                    }
                }
                if (d.lowConfidence != null) {
                    if (d.lowConfidence) {
                        m.lowConfidence = $Boolean(d.lowConfidence);
                    }
                }
                if (d.corners) {
                    if (!$Array.isArray(d.corners))
                        throw $TypeError(".alpr.v1.Read.corners: array expected");
                    m.corners = $Array(d.corners.length);
                    for (var i = 0; i < d.corners.length; ++i) {
                        if (!$util.isObject(d.corners[i]))
                            throw $TypeError(".alpr.v1.Read.corners: object expected");
                        m.corners[i] = $root.alpr.v1.Point.fromObject(d.corners[i], q + 1);
                    }
                }
                if (d.cropJpeg != null) {
                    if (d.cropJpeg.length) {
                        if (typeof d.cropJpeg === "string")
                            $util.base64.decode(d.cropJpeg, m.cropJpeg = $util.newBuffer($util.base64.length(d.cropJpeg)), 0);
                        else if (d.cropJpeg.length >= 0)
                            m.cropJpeg = d.cropJpeg;
                    }
                }
                if (d.contextJpeg != null) {
                    if (d.contextJpeg.length) {
                        if (typeof d.contextJpeg === "string")
                            $util.base64.decode(d.contextJpeg, m.contextJpeg = $util.newBuffer($util.base64.length(d.contextJpeg)), 0);
                        else if (d.contextJpeg.length >= 0)
                            m.contextJpeg = d.contextJpeg;
                    }
                }
                if (d.deviceCapturedAtMs != null) {
                    if (typeof d.deviceCapturedAtMs === "object" ? d.deviceCapturedAtMs.low || d.deviceCapturedAtMs.high : $Number(d.deviceCapturedAtMs) !== 0) {
                        if ($util.Long)
                            m.deviceCapturedAtMs = $util.Long.fromValue(d.deviceCapturedAtMs, false);
                        else if (typeof d.deviceCapturedAtMs === "string")
                            m.deviceCapturedAtMs = $parseInt(d.deviceCapturedAtMs, 10);
                        else if (typeof d.deviceCapturedAtMs === "number")
                            m.deviceCapturedAtMs = d.deviceCapturedAtMs;
                        else if (typeof d.deviceCapturedAtMs === "object")
                            m.deviceCapturedAtMs = new $util.LongBits(d.deviceCapturedAtMs.low >>> 0, d.deviceCapturedAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.vehicleColour != null) {
                    if (typeof d.vehicleColour !== "string" || d.vehicleColour.length) {
                        m.vehicleColour = $String(d.vehicleColour);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Read message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.Read
             * @static
             * @param {alpr.v1.Read} m Read
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Read.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.charConfidences = [];
                    d.corners = [];
                }
                if (o.defaults) {
                    d.id = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.capturedAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.capturedAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.siteId = "";
                    d.cameraId = "";
                    d.plate = "";
                    d.confidence = 0;
                    d.region = "";
                    d.regionConfidence = 0;
                    d.lowConfidence = false;
                    if (o.bytes === $String)
                        d.cropJpeg = "";
                    else {
                        d.cropJpeg = [];
                        if (o.bytes !== $Array)
                            d.cropJpeg = $util.newBuffer(d.cropJpeg);
                    }
                    if (o.bytes === $String)
                        d.contextJpeg = "";
                    else {
                        d.contextJpeg = [];
                        if (o.bytes !== $Array)
                            d.contextJpeg = $util.newBuffer(d.contextJpeg);
                    }
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.deviceCapturedAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.deviceCapturedAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.vehicleColour = "";
                }
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                if (m.capturedAtMs != null && $Object.hasOwnProperty.call(m, "capturedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.capturedAtMs = typeof m.capturedAtMs === "number" ? $BigInt(m.capturedAtMs) : $util.Long.fromBits(m.capturedAtMs.low >>> 0, m.capturedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.capturedAtMs === "number")
                        d.capturedAtMs = o.longs === $String ? $String(m.capturedAtMs) : m.capturedAtMs;
                    else
                        d.capturedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.capturedAtMs) : o.longs === $Number ? new $util.LongBits(m.capturedAtMs.low >>> 0, m.capturedAtMs.high >>> 0).toNumber() : m.capturedAtMs;
                }
                if (m.siteId != null && $Object.hasOwnProperty.call(m, "siteId")) {
                    d.siteId = m.siteId;
                }
                if (m.cameraId != null && $Object.hasOwnProperty.call(m, "cameraId")) {
                    d.cameraId = m.cameraId;
                }
                if (m.plate != null && $Object.hasOwnProperty.call(m, "plate")) {
                    d.plate = m.plate;
                }
                if (m.confidence != null && $Object.hasOwnProperty.call(m, "confidence")) {
                    d.confidence = o.json && !$isFinite(m.confidence) ? $String(m.confidence) : m.confidence;
                }
                if (m.charConfidences && m.charConfidences.length) {
                    d.charConfidences = $Array(m.charConfidences.length);
                    for (var j = 0; j < m.charConfidences.length; ++j) {
                        d.charConfidences[j] = o.json && !$isFinite(m.charConfidences[j]) ? $String(m.charConfidences[j]) : m.charConfidences[j];
                    }
                }
                if (m.region != null && $Object.hasOwnProperty.call(m, "region")) {
                    d.region = m.region;
                }
                if (m.regionConfidence != null && $Object.hasOwnProperty.call(m, "regionConfidence")) {
                    d.regionConfidence = o.json && !$isFinite(m.regionConfidence) ? $String(m.regionConfidence) : m.regionConfidence;
                }
                if (m.lowConfidence != null && $Object.hasOwnProperty.call(m, "lowConfidence")) {
                    d.lowConfidence = m.lowConfidence;
                }
                if (m.corners && m.corners.length) {
                    d.corners = $Array(m.corners.length);
                    for (var j = 0; j < m.corners.length; ++j) {
                        d.corners[j] = $root.alpr.v1.Point.toObject(m.corners[j], o, q + 1);
                    }
                }
                if (m.cropJpeg != null && $Object.hasOwnProperty.call(m, "cropJpeg")) {
                    d.cropJpeg = o.bytes === $String ? $util.base64.encode(m.cropJpeg, 0, m.cropJpeg.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.cropJpeg) : m.cropJpeg;
                }
                if (m.contextJpeg != null && $Object.hasOwnProperty.call(m, "contextJpeg")) {
                    d.contextJpeg = o.bytes === $String ? $util.base64.encode(m.contextJpeg, 0, m.contextJpeg.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.contextJpeg) : m.contextJpeg;
                }
                if (m.deviceCapturedAtMs != null && $Object.hasOwnProperty.call(m, "deviceCapturedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.deviceCapturedAtMs = typeof m.deviceCapturedAtMs === "number" ? $BigInt(m.deviceCapturedAtMs) : $util.Long.fromBits(m.deviceCapturedAtMs.low >>> 0, m.deviceCapturedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.deviceCapturedAtMs === "number")
                        d.deviceCapturedAtMs = o.longs === $String ? $String(m.deviceCapturedAtMs) : m.deviceCapturedAtMs;
                    else
                        d.deviceCapturedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.deviceCapturedAtMs) : o.longs === $Number ? new $util.LongBits(m.deviceCapturedAtMs.low >>> 0, m.deviceCapturedAtMs.high >>> 0).toNumber() : m.deviceCapturedAtMs;
                }
                if (m.vehicleColour != null && $Object.hasOwnProperty.call(m, "vehicleColour")) {
                    d.vehicleColour = m.vehicleColour;
                }
                return d;
            };

            /**
             * Converts this Read to JSON.
             * @function toJSON
             * @memberof alpr.v1.Read
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Read.prototype.toJSON = function() {
                return Read.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Read
             * @function getTypeUrl
             * @memberof alpr.v1.Read
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Read.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.Read";
            };

            return Read;
        })();

        v1.ReadBatch = (function() {

            /**
             * Properties of a ReadBatch.
             * @typedef {Object} alpr.v1.ReadBatch.$Properties
             * @property {string|null} [deviceId] ReadBatch deviceId
             * @property {number|null} [sequence] ReadBatch sequence
             * @property {number|null} [sentAtMs] ReadBatch sentAtMs
             * @property {Array.<alpr.v1.Read.$Properties>|null} [reads] ReadBatch reads
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReadBatch.
             * @memberof alpr.v1
             * @interface IReadBatch
             * @augments alpr.v1.ReadBatch.$Properties
             * @deprecated Use alpr.v1.ReadBatch.$Properties instead.
             */

            /**
             * Shape of a ReadBatch.
             * @typedef {alpr.v1.ReadBatch.$Properties} alpr.v1.ReadBatch.$Shape
             */

            /**
             * Constructs a new ReadBatch.
             * @memberof alpr.v1
             * @classdesc Represents a ReadBatch.
             * @constructor
             * @param {alpr.v1.ReadBatch.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReadBatch = function (p) {
                this.reads = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ReadBatch deviceId.
             * @member {string} deviceId
             * @memberof alpr.v1.ReadBatch
             * @instance
             */
            ReadBatch.prototype.deviceId = "";

            /**
             * ReadBatch sequence.
             * @member {number} sequence
             * @memberof alpr.v1.ReadBatch
             * @instance
             */
            ReadBatch.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ReadBatch sentAtMs.
             * @member {number} sentAtMs
             * @memberof alpr.v1.ReadBatch
             * @instance
             */
            ReadBatch.prototype.sentAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * ReadBatch reads.
             * @member {Array.<alpr.v1.Read.$Properties>} reads
             * @memberof alpr.v1.ReadBatch
             * @instance
             */
            ReadBatch.prototype.reads = $util.emptyArray;

            /**
             * Creates a new ReadBatch instance using the specified properties.
             * @function create
             * @memberof alpr.v1.ReadBatch
             * @static
             * @param {alpr.v1.ReadBatch.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.ReadBatch} ReadBatch instance
             * @type {{
             *   (properties: alpr.v1.ReadBatch.$Shape): alpr.v1.ReadBatch & alpr.v1.ReadBatch.$Shape;
             *   (properties?: alpr.v1.ReadBatch.$Properties): alpr.v1.ReadBatch;
             * }}
             */
            ReadBatch.create = function(properties) {
                return new ReadBatch(properties);
            };

            /**
             * Encodes the specified ReadBatch message. Does not implicitly {@link alpr.v1.ReadBatch.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.ReadBatch
             * @static
             * @param {alpr.v1.ReadBatch.$Properties} m ReadBatch message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReadBatch.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deviceId);
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence") && (typeof m.sequence === "object" ? m.sequence.low || m.sequence.high : m.sequence !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.sequence);
                if (m.sentAtMs != null && $Object.hasOwnProperty.call(m, "sentAtMs") && (typeof m.sentAtMs === "object" ? m.sentAtMs.low || m.sentAtMs.high : m.sentAtMs !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).int64(m.sentAtMs);
                if (m.reads != null && m.reads.length) {
                    for (var i = 0; i < m.reads.length; ++i)
                        $root.alpr.v1.Read.encode(m.reads[i], w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified ReadBatch message, length delimited. Does not implicitly {@link alpr.v1.ReadBatch.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.ReadBatch
             * @static
             * @param {alpr.v1.ReadBatch.$Properties} message ReadBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReadBatch.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ReadBatch message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.ReadBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.ReadBatch & alpr.v1.ReadBatch.$Shape} ReadBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReadBatch.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.ReadBatch();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sequence = v;
                            else
                                delete m.sequence;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.sentAtMs = v;
                            else
                                delete m.sentAtMs;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.reads && m.reads.length))
                                m.reads = [];
                            m.reads.push($root.alpr.v1.Read.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a ReadBatch message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.ReadBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.ReadBatch & alpr.v1.ReadBatch.$Shape} ReadBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReadBatch.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ReadBatch message.
             * @function verify
             * @memberof alpr.v1.ReadBatch
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ReadBatch.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    if (!$util.isString(m.deviceId))
                        return "deviceId: string expected";
                }
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence")) {
                    if (!$util.isInteger(m.sequence) && !(m.sequence && $util.isInteger(m.sequence.low) && $util.isInteger(m.sequence.high)))
                        return "sequence: integer|Long expected";
                }
                if (m.sentAtMs != null && $Object.hasOwnProperty.call(m, "sentAtMs")) {
                    if (!$util.isInteger(m.sentAtMs) && !(m.sentAtMs && $util.isInteger(m.sentAtMs.low) && $util.isInteger(m.sentAtMs.high)))
                        return "sentAtMs: integer|Long expected";
                }
                if (m.reads != null && $Object.hasOwnProperty.call(m, "reads")) {
                    if (!$Array.isArray(m.reads))
                        return "reads: array expected";
                    for (var i = 0; i < m.reads.length; ++i) {
                        {
                            var e = $root.alpr.v1.Read.verify(m.reads[i], q + 1);
                            if (e)
                                return "reads." + e;
                        }
                    }
                }
                return null;
            };

            /**
             * Creates a ReadBatch message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.ReadBatch
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.ReadBatch} ReadBatch
             */
            ReadBatch.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.ReadBatch)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.ReadBatch: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.ReadBatch();
                if (d.deviceId != null) {
                    if (typeof d.deviceId !== "string" || d.deviceId.length) {
                        m.deviceId = $String(d.deviceId);
                    }
                }
                if (d.sequence != null) {
                    if (typeof d.sequence === "object" ? d.sequence.low || d.sequence.high : $Number(d.sequence) !== 0) {
                        if ($util.Long)
                            m.sequence = $util.Long.fromValue(d.sequence, true);
                        else if (typeof d.sequence === "string")
                            m.sequence = $parseInt(d.sequence, 10);
                        else if (typeof d.sequence === "number")
                            m.sequence = d.sequence;
                        else if (typeof d.sequence === "object")
                            m.sequence = new $util.LongBits(d.sequence.low >>> 0, d.sequence.high >>> 0).toNumber(true);
                    }
                }
                if (d.sentAtMs != null) {
                    if (typeof d.sentAtMs === "object" ? d.sentAtMs.low || d.sentAtMs.high : $Number(d.sentAtMs) !== 0) {
                        if ($util.Long)
                            m.sentAtMs = $util.Long.fromValue(d.sentAtMs, false);
                        else if (typeof d.sentAtMs === "string")
                            m.sentAtMs = $parseInt(d.sentAtMs, 10);
                        else if (typeof d.sentAtMs === "number")
                            m.sentAtMs = d.sentAtMs;
                        else if (typeof d.sentAtMs === "object")
                            m.sentAtMs = new $util.LongBits(d.sentAtMs.low >>> 0, d.sentAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.reads) {
                    if (!$Array.isArray(d.reads))
                        throw $TypeError(".alpr.v1.ReadBatch.reads: array expected");
                    m.reads = $Array(d.reads.length);
                    for (var i = 0; i < d.reads.length; ++i) {
                        if (!$util.isObject(d.reads[i]))
                            throw $TypeError(".alpr.v1.ReadBatch.reads: object expected");
                        m.reads[i] = $root.alpr.v1.Read.fromObject(d.reads[i], q + 1);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a ReadBatch message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.ReadBatch
             * @static
             * @param {alpr.v1.ReadBatch} m ReadBatch
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ReadBatch.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.reads = [];
                }
                if (o.defaults) {
                    d.deviceId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.sequence = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sequence = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.sentAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sentAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sequence = typeof m.sequence === "number" ? $BigInt(m.sequence) : $util.Long.fromBits(m.sequence.low >>> 0, m.sequence.high >>> 0, true).toBigInt();
                    else if (typeof m.sequence === "number")
                        d.sequence = o.longs === $String ? $String(m.sequence) : m.sequence;
                    else
                        d.sequence = o.longs === $String ? $util.Long.prototype.toString.call(m.sequence) : o.longs === $Number ? new $util.LongBits(m.sequence.low >>> 0, m.sequence.high >>> 0).toNumber(true) : m.sequence;
                }
                if (m.sentAtMs != null && $Object.hasOwnProperty.call(m, "sentAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sentAtMs = typeof m.sentAtMs === "number" ? $BigInt(m.sentAtMs) : $util.Long.fromBits(m.sentAtMs.low >>> 0, m.sentAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.sentAtMs === "number")
                        d.sentAtMs = o.longs === $String ? $String(m.sentAtMs) : m.sentAtMs;
                    else
                        d.sentAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.sentAtMs) : o.longs === $Number ? new $util.LongBits(m.sentAtMs.low >>> 0, m.sentAtMs.high >>> 0).toNumber() : m.sentAtMs;
                }
                if (m.reads && m.reads.length) {
                    d.reads = $Array(m.reads.length);
                    for (var j = 0; j < m.reads.length; ++j) {
                        d.reads[j] = $root.alpr.v1.Read.toObject(m.reads[j], o, q + 1);
                    }
                }
                return d;
            };

            /**
             * Converts this ReadBatch to JSON.
             * @function toJSON
             * @memberof alpr.v1.ReadBatch
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ReadBatch.prototype.toJSON = function() {
                return ReadBatch.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ReadBatch
             * @function getTypeUrl
             * @memberof alpr.v1.ReadBatch
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ReadBatch.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.ReadBatch";
            };

            return ReadBatch;
        })();

        v1.SignedBatch = (function() {

            /**
             * Properties of a SignedBatch.
             * @typedef {Object} alpr.v1.SignedBatch.$Properties
             * @property {Uint8Array|null} [batch] SignedBatch batch
             * @property {Uint8Array|null} [signature] SignedBatch signature
             * @property {Uint8Array|null} [labelledSignature] SignedBatch labelledSignature
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SignedBatch.
             * @memberof alpr.v1
             * @interface ISignedBatch
             * @augments alpr.v1.SignedBatch.$Properties
             * @deprecated Use alpr.v1.SignedBatch.$Properties instead.
             */

            /**
             * Shape of a SignedBatch.
             * @typedef {alpr.v1.SignedBatch.$Properties} alpr.v1.SignedBatch.$Shape
             */

            /**
             * Constructs a new SignedBatch.
             * @memberof alpr.v1
             * @classdesc Represents a SignedBatch.
             * @constructor
             * @param {alpr.v1.SignedBatch.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SignedBatch = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SignedBatch batch.
             * @member {Uint8Array} batch
             * @memberof alpr.v1.SignedBatch
             * @instance
             */
            SignedBatch.prototype.batch = $util.newBuffer([]);

            /**
             * SignedBatch signature.
             * @member {Uint8Array} signature
             * @memberof alpr.v1.SignedBatch
             * @instance
             */
            SignedBatch.prototype.signature = $util.newBuffer([]);

            /**
             * SignedBatch labelledSignature.
             * @member {Uint8Array} labelledSignature
             * @memberof alpr.v1.SignedBatch
             * @instance
             */
            SignedBatch.prototype.labelledSignature = $util.newBuffer([]);

            /**
             * Creates a new SignedBatch instance using the specified properties.
             * @function create
             * @memberof alpr.v1.SignedBatch
             * @static
             * @param {alpr.v1.SignedBatch.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.SignedBatch} SignedBatch instance
             * @type {{
             *   (properties: alpr.v1.SignedBatch.$Shape): alpr.v1.SignedBatch & alpr.v1.SignedBatch.$Shape;
             *   (properties?: alpr.v1.SignedBatch.$Properties): alpr.v1.SignedBatch;
             * }}
             */
            SignedBatch.create = function(properties) {
                return new SignedBatch(properties);
            };

            /**
             * Encodes the specified SignedBatch message. Does not implicitly {@link alpr.v1.SignedBatch.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.SignedBatch
             * @static
             * @param {alpr.v1.SignedBatch.$Properties} m SignedBatch message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignedBatch.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.batch != null && $Object.hasOwnProperty.call(m, "batch") && m.batch.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.batch);
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.signature);
                if (m.labelledSignature != null && $Object.hasOwnProperty.call(m, "labelledSignature") && m.labelledSignature.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.labelledSignature);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified SignedBatch message, length delimited. Does not implicitly {@link alpr.v1.SignedBatch.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.SignedBatch
             * @static
             * @param {alpr.v1.SignedBatch.$Properties} message SignedBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignedBatch.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SignedBatch message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.SignedBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.SignedBatch & alpr.v1.SignedBatch.$Shape} SignedBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignedBatch.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.SignedBatch();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.batch = v;
                            else
                                delete m.batch;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.labelledSignature = v;
                            else
                                delete m.labelledSignature;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a SignedBatch message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.SignedBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.SignedBatch & alpr.v1.SignedBatch.$Shape} SignedBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignedBatch.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SignedBatch message.
             * @function verify
             * @memberof alpr.v1.SignedBatch
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SignedBatch.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.batch != null && $Object.hasOwnProperty.call(m, "batch")) {
                    if (!(m.batch && typeof m.batch.length === "number" || $util.isString(m.batch)))
                        return "batch: buffer expected";
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    if (!(m.signature && typeof m.signature.length === "number" || $util.isString(m.signature)))
                        return "signature: buffer expected";
                }
                if (m.labelledSignature != null && $Object.hasOwnProperty.call(m, "labelledSignature")) {
                    if (!(m.labelledSignature && typeof m.labelledSignature.length === "number" || $util.isString(m.labelledSignature)))
                        return "labelledSignature: buffer expected";
                }
                return null;
            };

            /**
             * Creates a SignedBatch message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.SignedBatch
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.SignedBatch} SignedBatch
             */
            SignedBatch.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.SignedBatch)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.SignedBatch: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.SignedBatch();
                if (d.batch != null) {
                    if (d.batch.length) {
                        if (typeof d.batch === "string")
                            $util.base64.decode(d.batch, m.batch = $util.newBuffer($util.base64.length(d.batch)), 0);
                        else if (d.batch.length >= 0)
                            m.batch = d.batch;
                    }
                }
                if (d.signature != null) {
                    if (d.signature.length) {
                        if (typeof d.signature === "string")
                            $util.base64.decode(d.signature, m.signature = $util.newBuffer($util.base64.length(d.signature)), 0);
                        else if (d.signature.length >= 0)
                            m.signature = d.signature;
                    }
                }
                if (d.labelledSignature != null) {
                    if (d.labelledSignature.length) {
                        if (typeof d.labelledSignature === "string")
                            $util.base64.decode(d.labelledSignature, m.labelledSignature = $util.newBuffer($util.base64.length(d.labelledSignature)), 0);
                        else if (d.labelledSignature.length >= 0)
                            m.labelledSignature = d.labelledSignature;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a SignedBatch message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.SignedBatch
             * @static
             * @param {alpr.v1.SignedBatch} m SignedBatch
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SignedBatch.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.batch = "";
                    else {
                        d.batch = [];
                        if (o.bytes !== $Array)
                            d.batch = $util.newBuffer(d.batch);
                    }
                    if (o.bytes === $String)
                        d.signature = "";
                    else {
                        d.signature = [];
                        if (o.bytes !== $Array)
                            d.signature = $util.newBuffer(d.signature);
                    }
                    if (o.bytes === $String)
                        d.labelledSignature = "";
                    else {
                        d.labelledSignature = [];
                        if (o.bytes !== $Array)
                            d.labelledSignature = $util.newBuffer(d.labelledSignature);
                    }
                }
                if (m.batch != null && $Object.hasOwnProperty.call(m, "batch")) {
                    d.batch = o.bytes === $String ? $util.base64.encode(m.batch, 0, m.batch.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.batch) : m.batch;
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    d.signature = o.bytes === $String ? $util.base64.encode(m.signature, 0, m.signature.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.signature) : m.signature;
                }
                if (m.labelledSignature != null && $Object.hasOwnProperty.call(m, "labelledSignature")) {
                    d.labelledSignature = o.bytes === $String ? $util.base64.encode(m.labelledSignature, 0, m.labelledSignature.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.labelledSignature) : m.labelledSignature;
                }
                return d;
            };

            /**
             * Converts this SignedBatch to JSON.
             * @function toJSON
             * @memberof alpr.v1.SignedBatch
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SignedBatch.prototype.toJSON = function() {
                return SignedBatch.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SignedBatch
             * @function getTypeUrl
             * @memberof alpr.v1.SignedBatch
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SignedBatch.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.SignedBatch";
            };

            return SignedBatch;
        })();

        v1.SealedEnvelope = (function() {

            /**
             * Properties of a SealedEnvelope.
             * @typedef {Object} alpr.v1.SealedEnvelope.$Properties
             * @property {number|null} [version] SealedEnvelope version
             * @property {string|null} [deviceId] SealedEnvelope deviceId
             * @property {Uint8Array|null} [ephemeralPublicKey] SealedEnvelope ephemeralPublicKey
             * @property {Uint8Array|null} [nonce] SealedEnvelope nonce
             * @property {Uint8Array|null} [ciphertext] SealedEnvelope ciphertext
             * @property {string|null} [hubKeyId] SealedEnvelope hubKeyId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SealedEnvelope.
             * @memberof alpr.v1
             * @interface ISealedEnvelope
             * @augments alpr.v1.SealedEnvelope.$Properties
             * @deprecated Use alpr.v1.SealedEnvelope.$Properties instead.
             */

            /**
             * Shape of a SealedEnvelope.
             * @typedef {alpr.v1.SealedEnvelope.$Properties} alpr.v1.SealedEnvelope.$Shape
             */

            /**
             * Constructs a new SealedEnvelope.
             * @memberof alpr.v1
             * @classdesc Represents a SealedEnvelope.
             * @constructor
             * @param {alpr.v1.SealedEnvelope.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SealedEnvelope = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SealedEnvelope version.
             * @member {number} version
             * @memberof alpr.v1.SealedEnvelope
             * @instance
             */
            SealedEnvelope.prototype.version = 0;

            /**
             * SealedEnvelope deviceId.
             * @member {string} deviceId
             * @memberof alpr.v1.SealedEnvelope
             * @instance
             */
            SealedEnvelope.prototype.deviceId = "";

            /**
             * SealedEnvelope ephemeralPublicKey.
             * @member {Uint8Array} ephemeralPublicKey
             * @memberof alpr.v1.SealedEnvelope
             * @instance
             */
            SealedEnvelope.prototype.ephemeralPublicKey = $util.newBuffer([]);

            /**
             * SealedEnvelope nonce.
             * @member {Uint8Array} nonce
             * @memberof alpr.v1.SealedEnvelope
             * @instance
             */
            SealedEnvelope.prototype.nonce = $util.newBuffer([]);

            /**
             * SealedEnvelope ciphertext.
             * @member {Uint8Array} ciphertext
             * @memberof alpr.v1.SealedEnvelope
             * @instance
             */
            SealedEnvelope.prototype.ciphertext = $util.newBuffer([]);

            /**
             * SealedEnvelope hubKeyId.
             * @member {string} hubKeyId
             * @memberof alpr.v1.SealedEnvelope
             * @instance
             */
            SealedEnvelope.prototype.hubKeyId = "";

            /**
             * Creates a new SealedEnvelope instance using the specified properties.
             * @function create
             * @memberof alpr.v1.SealedEnvelope
             * @static
             * @param {alpr.v1.SealedEnvelope.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.SealedEnvelope} SealedEnvelope instance
             * @type {{
             *   (properties: alpr.v1.SealedEnvelope.$Shape): alpr.v1.SealedEnvelope & alpr.v1.SealedEnvelope.$Shape;
             *   (properties?: alpr.v1.SealedEnvelope.$Properties): alpr.v1.SealedEnvelope;
             * }}
             */
            SealedEnvelope.create = function(properties) {
                return new SealedEnvelope(properties);
            };

            /**
             * Encodes the specified SealedEnvelope message. Does not implicitly {@link alpr.v1.SealedEnvelope.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.SealedEnvelope
             * @static
             * @param {alpr.v1.SealedEnvelope.$Properties} m SealedEnvelope message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SealedEnvelope.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.version);
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.deviceId);
                if (m.ephemeralPublicKey != null && $Object.hasOwnProperty.call(m, "ephemeralPublicKey") && m.ephemeralPublicKey.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.ephemeralPublicKey);
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce") && m.nonce.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.nonce);
                if (m.ciphertext != null && $Object.hasOwnProperty.call(m, "ciphertext") && m.ciphertext.length)
                    w.uint32(/* id 5, wireType 2 =*/42).bytes(m.ciphertext);
                if (m.hubKeyId != null && $Object.hasOwnProperty.call(m, "hubKeyId") && m.hubKeyId !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.hubKeyId);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified SealedEnvelope message, length delimited. Does not implicitly {@link alpr.v1.SealedEnvelope.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.SealedEnvelope
             * @static
             * @param {alpr.v1.SealedEnvelope.$Properties} message SealedEnvelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SealedEnvelope.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SealedEnvelope message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.SealedEnvelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.SealedEnvelope & alpr.v1.SealedEnvelope.$Shape} SealedEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SealedEnvelope.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.SealedEnvelope();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.version = v;
                            else
                                delete m.version;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.ephemeralPublicKey = v;
                            else
                                delete m.ephemeralPublicKey;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.nonce = v;
                            else
                                delete m.nonce;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.ciphertext = v;
                            else
                                delete m.ciphertext;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.hubKeyId = v;
                            else
                                delete m.hubKeyId;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a SealedEnvelope message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.SealedEnvelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.SealedEnvelope & alpr.v1.SealedEnvelope.$Shape} SealedEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SealedEnvelope.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SealedEnvelope message.
             * @function verify
             * @memberof alpr.v1.SealedEnvelope
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SealedEnvelope.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    if (!$util.isInteger(m.version))
                        return "version: integer expected";
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    if (!$util.isString(m.deviceId))
                        return "deviceId: string expected";
                }
                if (m.ephemeralPublicKey != null && $Object.hasOwnProperty.call(m, "ephemeralPublicKey")) {
                    if (!(m.ephemeralPublicKey && typeof m.ephemeralPublicKey.length === "number" || $util.isString(m.ephemeralPublicKey)))
                        return "ephemeralPublicKey: buffer expected";
                }
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce")) {
                    if (!(m.nonce && typeof m.nonce.length === "number" || $util.isString(m.nonce)))
                        return "nonce: buffer expected";
                }
                if (m.ciphertext != null && $Object.hasOwnProperty.call(m, "ciphertext")) {
                    if (!(m.ciphertext && typeof m.ciphertext.length === "number" || $util.isString(m.ciphertext)))
                        return "ciphertext: buffer expected";
                }
                if (m.hubKeyId != null && $Object.hasOwnProperty.call(m, "hubKeyId")) {
                    if (!$util.isString(m.hubKeyId))
                        return "hubKeyId: string expected";
                }
                return null;
            };

            /**
             * Creates a SealedEnvelope message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.SealedEnvelope
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.SealedEnvelope} SealedEnvelope
             */
            SealedEnvelope.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.SealedEnvelope)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.SealedEnvelope: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.SealedEnvelope();
                if (d.version != null) {
                    if ($Number(d.version) !== 0) {
                        m.version = d.version >>> 0;
                    }
                }
                if (d.deviceId != null) {
                    if (typeof d.deviceId !== "string" || d.deviceId.length) {
                        m.deviceId = $String(d.deviceId);
                    }
                }
                if (d.ephemeralPublicKey != null) {
                    if (d.ephemeralPublicKey.length) {
                        if (typeof d.ephemeralPublicKey === "string")
                            $util.base64.decode(d.ephemeralPublicKey, m.ephemeralPublicKey = $util.newBuffer($util.base64.length(d.ephemeralPublicKey)), 0);
                        else if (d.ephemeralPublicKey.length >= 0)
                            m.ephemeralPublicKey = d.ephemeralPublicKey;
                    }
                }
                if (d.nonce != null) {
                    if (d.nonce.length) {
                        if (typeof d.nonce === "string")
                            $util.base64.decode(d.nonce, m.nonce = $util.newBuffer($util.base64.length(d.nonce)), 0);
                        else if (d.nonce.length >= 0)
                            m.nonce = d.nonce;
                    }
                }
                if (d.ciphertext != null) {
                    if (d.ciphertext.length) {
                        if (typeof d.ciphertext === "string")
                            $util.base64.decode(d.ciphertext, m.ciphertext = $util.newBuffer($util.base64.length(d.ciphertext)), 0);
                        else if (d.ciphertext.length >= 0)
                            m.ciphertext = d.ciphertext;
                    }
                }
                if (d.hubKeyId != null) {
                    if (typeof d.hubKeyId !== "string" || d.hubKeyId.length) {
                        m.hubKeyId = $String(d.hubKeyId);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a SealedEnvelope message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.SealedEnvelope
             * @static
             * @param {alpr.v1.SealedEnvelope} m SealedEnvelope
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SealedEnvelope.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.version = 0;
                    d.deviceId = "";
                    if (o.bytes === $String)
                        d.ephemeralPublicKey = "";
                    else {
                        d.ephemeralPublicKey = [];
                        if (o.bytes !== $Array)
                            d.ephemeralPublicKey = $util.newBuffer(d.ephemeralPublicKey);
                    }
                    if (o.bytes === $String)
                        d.nonce = "";
                    else {
                        d.nonce = [];
                        if (o.bytes !== $Array)
                            d.nonce = $util.newBuffer(d.nonce);
                    }
                    if (o.bytes === $String)
                        d.ciphertext = "";
                    else {
                        d.ciphertext = [];
                        if (o.bytes !== $Array)
                            d.ciphertext = $util.newBuffer(d.ciphertext);
                    }
                    d.hubKeyId = "";
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    d.version = m.version;
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.ephemeralPublicKey != null && $Object.hasOwnProperty.call(m, "ephemeralPublicKey")) {
                    d.ephemeralPublicKey = o.bytes === $String ? $util.base64.encode(m.ephemeralPublicKey, 0, m.ephemeralPublicKey.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.ephemeralPublicKey) : m.ephemeralPublicKey;
                }
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce")) {
                    d.nonce = o.bytes === $String ? $util.base64.encode(m.nonce, 0, m.nonce.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.nonce) : m.nonce;
                }
                if (m.ciphertext != null && $Object.hasOwnProperty.call(m, "ciphertext")) {
                    d.ciphertext = o.bytes === $String ? $util.base64.encode(m.ciphertext, 0, m.ciphertext.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.ciphertext) : m.ciphertext;
                }
                if (m.hubKeyId != null && $Object.hasOwnProperty.call(m, "hubKeyId")) {
                    d.hubKeyId = m.hubKeyId;
                }
                return d;
            };

            /**
             * Converts this SealedEnvelope to JSON.
             * @function toJSON
             * @memberof alpr.v1.SealedEnvelope
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SealedEnvelope.prototype.toJSON = function() {
                return SealedEnvelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SealedEnvelope
             * @function getTypeUrl
             * @memberof alpr.v1.SealedEnvelope
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SealedEnvelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.SealedEnvelope";
            };

            return SealedEnvelope;
        })();

        v1.Rejection = (function() {

            /**
             * Properties of a Rejection.
             * @typedef {Object} alpr.v1.Rejection.$Properties
             * @property {string|null} [readId] Rejection readId
             * @property {string|null} [reason] Rejection reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Rejection.
             * @memberof alpr.v1
             * @interface IRejection
             * @augments alpr.v1.Rejection.$Properties
             * @deprecated Use alpr.v1.Rejection.$Properties instead.
             */

            /**
             * Shape of a Rejection.
             * @typedef {alpr.v1.Rejection.$Properties} alpr.v1.Rejection.$Shape
             */

            /**
             * Constructs a new Rejection.
             * @memberof alpr.v1
             * @classdesc Represents a Rejection.
             * @constructor
             * @param {alpr.v1.Rejection.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Rejection = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Rejection readId.
             * @member {string} readId
             * @memberof alpr.v1.Rejection
             * @instance
             */
            Rejection.prototype.readId = "";

            /**
             * Rejection reason.
             * @member {string} reason
             * @memberof alpr.v1.Rejection
             * @instance
             */
            Rejection.prototype.reason = "";

            /**
             * Creates a new Rejection instance using the specified properties.
             * @function create
             * @memberof alpr.v1.Rejection
             * @static
             * @param {alpr.v1.Rejection.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.Rejection} Rejection instance
             * @type {{
             *   (properties: alpr.v1.Rejection.$Shape): alpr.v1.Rejection & alpr.v1.Rejection.$Shape;
             *   (properties?: alpr.v1.Rejection.$Properties): alpr.v1.Rejection;
             * }}
             */
            Rejection.create = function(properties) {
                return new Rejection(properties);
            };

            /**
             * Encodes the specified Rejection message. Does not implicitly {@link alpr.v1.Rejection.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.Rejection
             * @static
             * @param {alpr.v1.Rejection.$Properties} m Rejection message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Rejection.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.readId != null && $Object.hasOwnProperty.call(m, "readId") && m.readId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.readId);
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.reason);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Rejection message, length delimited. Does not implicitly {@link alpr.v1.Rejection.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.Rejection
             * @static
             * @param {alpr.v1.Rejection.$Properties} message Rejection message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Rejection.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Rejection message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.Rejection
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.Rejection & alpr.v1.Rejection.$Shape} Rejection
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Rejection.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.Rejection();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.readId = v;
                            else
                                delete m.readId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a Rejection message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.Rejection
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.Rejection & alpr.v1.Rejection.$Shape} Rejection
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Rejection.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Rejection message.
             * @function verify
             * @memberof alpr.v1.Rejection
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Rejection.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.readId != null && $Object.hasOwnProperty.call(m, "readId")) {
                    if (!$util.isString(m.readId))
                        return "readId: string expected";
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    if (!$util.isString(m.reason))
                        return "reason: string expected";
                }
                return null;
            };

            /**
             * Creates a Rejection message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.Rejection
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.Rejection} Rejection
             */
            Rejection.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.Rejection)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.Rejection: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.Rejection();
                if (d.readId != null) {
                    if (typeof d.readId !== "string" || d.readId.length) {
                        m.readId = $String(d.readId);
                    }
                }
                if (d.reason != null) {
                    if (typeof d.reason !== "string" || d.reason.length) {
                        m.reason = $String(d.reason);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Rejection message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.Rejection
             * @static
             * @param {alpr.v1.Rejection} m Rejection
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Rejection.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.readId = "";
                    d.reason = "";
                }
                if (m.readId != null && $Object.hasOwnProperty.call(m, "readId")) {
                    d.readId = m.readId;
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                return d;
            };

            /**
             * Converts this Rejection to JSON.
             * @function toJSON
             * @memberof alpr.v1.Rejection
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Rejection.prototype.toJSON = function() {
                return Rejection.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Rejection
             * @function getTypeUrl
             * @memberof alpr.v1.Rejection
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Rejection.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.Rejection";
            };

            return Rejection;
        })();

        /**
         * Refusal enum.
         * @name alpr.v1.Refusal
         * @enum {number}
         * @property {number} REFUSAL_NONE=0 REFUSAL_NONE value
         * @property {number} REFUSAL_RETRY=1 REFUSAL_RETRY value
         * @property {number} REFUSAL_TOO_LARGE=2 REFUSAL_TOO_LARGE value
         * @property {number} REFUSAL_HUB_KEY=3 REFUSAL_HUB_KEY value
         * @property {number} REFUSAL_UNREADABLE=4 REFUSAL_UNREADABLE value
         */
        v1.Refusal = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "REFUSAL_NONE"] = 0;
            values[valuesById[1] = "REFUSAL_RETRY"] = 1;
            values[valuesById[2] = "REFUSAL_TOO_LARGE"] = 2;
            values[valuesById[3] = "REFUSAL_HUB_KEY"] = 3;
            values[valuesById[4] = "REFUSAL_UNREADABLE"] = 4;
            return values;
        })();

        v1.BatchAck = (function() {

            /**
             * Properties of a BatchAck.
             * @typedef {Object} alpr.v1.BatchAck.$Properties
             * @property {string|null} [deviceId] BatchAck deviceId
             * @property {number|null} [sequence] BatchAck sequence
             * @property {Array.<string>|null} [acceptedReadIds] BatchAck acceptedReadIds
             * @property {Array.<alpr.v1.Rejection.$Properties>|null} [rejected] BatchAck rejected
             * @property {string|null} [batchError] BatchAck batchError
             * @property {number|null} [ackedAtMs] BatchAck ackedAtMs
             * @property {alpr.v1.Refusal|null} [refusal] BatchAck refusal
             * @property {number|null} [maxBatchBytes] BatchAck maxBatchBytes
             * @property {Uint8Array|null} [envelopeSha256] BatchAck envelopeSha256
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a BatchAck.
             * @memberof alpr.v1
             * @interface IBatchAck
             * @augments alpr.v1.BatchAck.$Properties
             * @deprecated Use alpr.v1.BatchAck.$Properties instead.
             */

            /**
             * Shape of a BatchAck.
             * @typedef {alpr.v1.BatchAck.$Properties} alpr.v1.BatchAck.$Shape
             */

            /**
             * Constructs a new BatchAck.
             * @memberof alpr.v1
             * @classdesc Represents a BatchAck.
             * @constructor
             * @param {alpr.v1.BatchAck.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const BatchAck = function (p) {
                this.acceptedReadIds = [];
                this.rejected = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * BatchAck deviceId.
             * @member {string} deviceId
             * @memberof alpr.v1.BatchAck
             * @instance
             */
            BatchAck.prototype.deviceId = "";

            /**
             * BatchAck sequence.
             * @member {number} sequence
             * @memberof alpr.v1.BatchAck
             * @instance
             */
            BatchAck.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * BatchAck acceptedReadIds.
             * @member {Array.<string>} acceptedReadIds
             * @memberof alpr.v1.BatchAck
             * @instance
             */
            BatchAck.prototype.acceptedReadIds = $util.emptyArray;

            /**
             * BatchAck rejected.
             * @member {Array.<alpr.v1.Rejection.$Properties>} rejected
             * @memberof alpr.v1.BatchAck
             * @instance
             */
            BatchAck.prototype.rejected = $util.emptyArray;

            /**
             * BatchAck batchError.
             * @member {string} batchError
             * @memberof alpr.v1.BatchAck
             * @instance
             */
            BatchAck.prototype.batchError = "";

            /**
             * BatchAck ackedAtMs.
             * @member {number} ackedAtMs
             * @memberof alpr.v1.BatchAck
             * @instance
             */
            BatchAck.prototype.ackedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * BatchAck refusal.
             * @member {alpr.v1.Refusal} refusal
             * @memberof alpr.v1.BatchAck
             * @instance
             */
            BatchAck.prototype.refusal = 0;

            /**
             * BatchAck maxBatchBytes.
             * @member {number} maxBatchBytes
             * @memberof alpr.v1.BatchAck
             * @instance
             */
            BatchAck.prototype.maxBatchBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * BatchAck envelopeSha256.
             * @member {Uint8Array} envelopeSha256
             * @memberof alpr.v1.BatchAck
             * @instance
             */
            BatchAck.prototype.envelopeSha256 = $util.newBuffer([]);

            /**
             * Creates a new BatchAck instance using the specified properties.
             * @function create
             * @memberof alpr.v1.BatchAck
             * @static
             * @param {alpr.v1.BatchAck.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.BatchAck} BatchAck instance
             * @type {{
             *   (properties: alpr.v1.BatchAck.$Shape): alpr.v1.BatchAck & alpr.v1.BatchAck.$Shape;
             *   (properties?: alpr.v1.BatchAck.$Properties): alpr.v1.BatchAck;
             * }}
             */
            BatchAck.create = function(properties) {
                return new BatchAck(properties);
            };

            /**
             * Encodes the specified BatchAck message. Does not implicitly {@link alpr.v1.BatchAck.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.BatchAck
             * @static
             * @param {alpr.v1.BatchAck.$Properties} m BatchAck message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BatchAck.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deviceId);
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence") && (typeof m.sequence === "object" ? m.sequence.low || m.sequence.high : m.sequence !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.sequence);
                if (m.acceptedReadIds != null && m.acceptedReadIds.length) {
                    for (var i = 0; i < m.acceptedReadIds.length; ++i)
                        w.uint32(/* id 3, wireType 2 =*/26).string(m.acceptedReadIds[i]);
                }
                if (m.rejected != null && m.rejected.length) {
                    for (var i = 0; i < m.rejected.length; ++i)
                        $root.alpr.v1.Rejection.encode(m.rejected[i], w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                }
                if (m.batchError != null && $Object.hasOwnProperty.call(m, "batchError") && m.batchError !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.batchError);
                if (m.ackedAtMs != null && $Object.hasOwnProperty.call(m, "ackedAtMs") && (typeof m.ackedAtMs === "object" ? m.ackedAtMs.low || m.ackedAtMs.high : m.ackedAtMs !== 0))
                    w.uint32(/* id 6, wireType 0 =*/48).int64(m.ackedAtMs);
                if (m.refusal != null && $Object.hasOwnProperty.call(m, "refusal") && m.refusal !== 0)
                    w.uint32(/* id 7, wireType 0 =*/56).int32(m.refusal);
                if (m.maxBatchBytes != null && $Object.hasOwnProperty.call(m, "maxBatchBytes") && (typeof m.maxBatchBytes === "object" ? m.maxBatchBytes.low || m.maxBatchBytes.high : m.maxBatchBytes !== 0))
                    w.uint32(/* id 8, wireType 0 =*/64).uint64(m.maxBatchBytes);
                if (m.envelopeSha256 != null && $Object.hasOwnProperty.call(m, "envelopeSha256") && m.envelopeSha256.length)
                    w.uint32(/* id 9, wireType 2 =*/74).bytes(m.envelopeSha256);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified BatchAck message, length delimited. Does not implicitly {@link alpr.v1.BatchAck.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.BatchAck
             * @static
             * @param {alpr.v1.BatchAck.$Properties} message BatchAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BatchAck.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a BatchAck message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.BatchAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.BatchAck & alpr.v1.BatchAck.$Shape} BatchAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BatchAck.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.BatchAck();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sequence = v;
                            else
                                delete m.sequence;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.acceptedReadIds && m.acceptedReadIds.length))
                                m.acceptedReadIds = [];
                            m.acceptedReadIds.push(r.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.rejected && m.rejected.length))
                                m.rejected = [];
                            m.rejected.push($root.alpr.v1.Rejection.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.batchError = v;
                            else
                                delete m.batchError;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.ackedAtMs = v;
                            else
                                delete m.ackedAtMs;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.refusal = v;
                            else
                                delete m.refusal;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.maxBatchBytes = v;
                            else
                                delete m.maxBatchBytes;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.envelopeSha256 = v;
                            else
                                delete m.envelopeSha256;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a BatchAck message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.BatchAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.BatchAck & alpr.v1.BatchAck.$Shape} BatchAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BatchAck.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a BatchAck message.
             * @function verify
             * @memberof alpr.v1.BatchAck
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            BatchAck.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    if (!$util.isString(m.deviceId))
                        return "deviceId: string expected";
                }
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence")) {
                    if (!$util.isInteger(m.sequence) && !(m.sequence && $util.isInteger(m.sequence.low) && $util.isInteger(m.sequence.high)))
                        return "sequence: integer|Long expected";
                }
                if (m.acceptedReadIds != null && $Object.hasOwnProperty.call(m, "acceptedReadIds")) {
                    if (!$Array.isArray(m.acceptedReadIds))
                        return "acceptedReadIds: array expected";
                    for (var i = 0; i < m.acceptedReadIds.length; ++i) {
                        if (!$util.isString(m.acceptedReadIds[i]))
                            return "acceptedReadIds: string[] expected";
                    }
                }
                if (m.rejected != null && $Object.hasOwnProperty.call(m, "rejected")) {
                    if (!$Array.isArray(m.rejected))
                        return "rejected: array expected";
                    for (var i = 0; i < m.rejected.length; ++i) {
                        {
                            var e = $root.alpr.v1.Rejection.verify(m.rejected[i], q + 1);
                            if (e)
                                return "rejected." + e;
                        }
                    }
                }
                if (m.batchError != null && $Object.hasOwnProperty.call(m, "batchError")) {
                    if (!$util.isString(m.batchError))
                        return "batchError: string expected";
                }
                if (m.ackedAtMs != null && $Object.hasOwnProperty.call(m, "ackedAtMs")) {
                    if (!$util.isInteger(m.ackedAtMs) && !(m.ackedAtMs && $util.isInteger(m.ackedAtMs.low) && $util.isInteger(m.ackedAtMs.high)))
                        return "ackedAtMs: integer|Long expected";
                }
                if (m.refusal != null && $Object.hasOwnProperty.call(m, "refusal")) {
                    if (typeof m.refusal !== "number" || (m.refusal | 0) !== m.refusal)
                        return "refusal: enum value expected";
                }
                if (m.maxBatchBytes != null && $Object.hasOwnProperty.call(m, "maxBatchBytes")) {
                    if (!$util.isInteger(m.maxBatchBytes) && !(m.maxBatchBytes && $util.isInteger(m.maxBatchBytes.low) && $util.isInteger(m.maxBatchBytes.high)))
                        return "maxBatchBytes: integer|Long expected";
                }
                if (m.envelopeSha256 != null && $Object.hasOwnProperty.call(m, "envelopeSha256")) {
                    if (!(m.envelopeSha256 && typeof m.envelopeSha256.length === "number" || $util.isString(m.envelopeSha256)))
                        return "envelopeSha256: buffer expected";
                }
                return null;
            };

            /**
             * Creates a BatchAck message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.BatchAck
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.BatchAck} BatchAck
             */
            BatchAck.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.BatchAck)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.BatchAck: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.BatchAck();
                if (d.deviceId != null) {
                    if (typeof d.deviceId !== "string" || d.deviceId.length) {
                        m.deviceId = $String(d.deviceId);
                    }
                }
                if (d.sequence != null) {
                    if (typeof d.sequence === "object" ? d.sequence.low || d.sequence.high : $Number(d.sequence) !== 0) {
                        if ($util.Long)
                            m.sequence = $util.Long.fromValue(d.sequence, true);
                        else if (typeof d.sequence === "string")
                            m.sequence = $parseInt(d.sequence, 10);
                        else if (typeof d.sequence === "number")
                            m.sequence = d.sequence;
                        else if (typeof d.sequence === "object")
                            m.sequence = new $util.LongBits(d.sequence.low >>> 0, d.sequence.high >>> 0).toNumber(true);
                    }
                }
                if (d.acceptedReadIds) {
                    if (!$Array.isArray(d.acceptedReadIds))
                        throw $TypeError(".alpr.v1.BatchAck.acceptedReadIds: array expected");
                    m.acceptedReadIds = $Array(d.acceptedReadIds.length);
                    for (var i = 0; i < d.acceptedReadIds.length; ++i) {
                        m.acceptedReadIds[i] = $String(d.acceptedReadIds[i]);
                    }
                }
                if (d.rejected) {
                    if (!$Array.isArray(d.rejected))
                        throw $TypeError(".alpr.v1.BatchAck.rejected: array expected");
                    m.rejected = $Array(d.rejected.length);
                    for (var i = 0; i < d.rejected.length; ++i) {
                        if (!$util.isObject(d.rejected[i]))
                            throw $TypeError(".alpr.v1.BatchAck.rejected: object expected");
                        m.rejected[i] = $root.alpr.v1.Rejection.fromObject(d.rejected[i], q + 1);
                    }
                }
                if (d.batchError != null) {
                    if (typeof d.batchError !== "string" || d.batchError.length) {
                        m.batchError = $String(d.batchError);
                    }
                }
                if (d.ackedAtMs != null) {
                    if (typeof d.ackedAtMs === "object" ? d.ackedAtMs.low || d.ackedAtMs.high : $Number(d.ackedAtMs) !== 0) {
                        if ($util.Long)
                            m.ackedAtMs = $util.Long.fromValue(d.ackedAtMs, false);
                        else if (typeof d.ackedAtMs === "string")
                            m.ackedAtMs = $parseInt(d.ackedAtMs, 10);
                        else if (typeof d.ackedAtMs === "number")
                            m.ackedAtMs = d.ackedAtMs;
                        else if (typeof d.ackedAtMs === "object")
                            m.ackedAtMs = new $util.LongBits(d.ackedAtMs.low >>> 0, d.ackedAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.refusal !== 0 && (typeof d.refusal !== "string" || $root.alpr.v1.Refusal[d.refusal] !== 0)) {
                    switch (d.refusal) {
                    case "REFUSAL_NONE":
                    case 0:
                        m.refusal = 0;
                        break;
                    case "REFUSAL_RETRY":
                    case 1:
                        m.refusal = 1;
                        break;
                    case "REFUSAL_TOO_LARGE":
                    case 2:
                        m.refusal = 2;
                        break;
                    case "REFUSAL_HUB_KEY":
                    case 3:
                        m.refusal = 3;
                        break;
                    case "REFUSAL_UNREADABLE":
                    case 4:
                        m.refusal = 4;
                        break;
                    default:
                        if (typeof d.refusal === "number" && (d.refusal | 0) === d.refusal)
                            m.refusal = d.refusal;
                    }
                }
                if (d.maxBatchBytes != null) {
                    if (typeof d.maxBatchBytes === "object" ? d.maxBatchBytes.low || d.maxBatchBytes.high : $Number(d.maxBatchBytes) !== 0) {
                        if ($util.Long)
                            m.maxBatchBytes = $util.Long.fromValue(d.maxBatchBytes, true);
                        else if (typeof d.maxBatchBytes === "string")
                            m.maxBatchBytes = $parseInt(d.maxBatchBytes, 10);
                        else if (typeof d.maxBatchBytes === "number")
                            m.maxBatchBytes = d.maxBatchBytes;
                        else if (typeof d.maxBatchBytes === "object")
                            m.maxBatchBytes = new $util.LongBits(d.maxBatchBytes.low >>> 0, d.maxBatchBytes.high >>> 0).toNumber(true);
                    }
                }
                if (d.envelopeSha256 != null) {
                    if (d.envelopeSha256.length) {
                        if (typeof d.envelopeSha256 === "string")
                            $util.base64.decode(d.envelopeSha256, m.envelopeSha256 = $util.newBuffer($util.base64.length(d.envelopeSha256)), 0);
                        else if (d.envelopeSha256.length >= 0)
                            m.envelopeSha256 = d.envelopeSha256;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a BatchAck message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.BatchAck
             * @static
             * @param {alpr.v1.BatchAck} m BatchAck
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            BatchAck.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.acceptedReadIds = [];
                    d.rejected = [];
                }
                if (o.defaults) {
                    d.deviceId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.sequence = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sequence = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.batchError = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.ackedAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.ackedAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.refusal = o.enums === $String ? "REFUSAL_NONE" : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.maxBatchBytes = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.maxBatchBytes = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.envelopeSha256 = "";
                    else {
                        d.envelopeSha256 = [];
                        if (o.bytes !== $Array)
                            d.envelopeSha256 = $util.newBuffer(d.envelopeSha256);
                    }
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sequence = typeof m.sequence === "number" ? $BigInt(m.sequence) : $util.Long.fromBits(m.sequence.low >>> 0, m.sequence.high >>> 0, true).toBigInt();
                    else if (typeof m.sequence === "number")
                        d.sequence = o.longs === $String ? $String(m.sequence) : m.sequence;
                    else
                        d.sequence = o.longs === $String ? $util.Long.prototype.toString.call(m.sequence) : o.longs === $Number ? new $util.LongBits(m.sequence.low >>> 0, m.sequence.high >>> 0).toNumber(true) : m.sequence;
                }
                if (m.acceptedReadIds && m.acceptedReadIds.length) {
                    d.acceptedReadIds = $Array(m.acceptedReadIds.length);
                    for (var j = 0; j < m.acceptedReadIds.length; ++j) {
                        d.acceptedReadIds[j] = m.acceptedReadIds[j];
                    }
                }
                if (m.rejected && m.rejected.length) {
                    d.rejected = $Array(m.rejected.length);
                    for (var j = 0; j < m.rejected.length; ++j) {
                        d.rejected[j] = $root.alpr.v1.Rejection.toObject(m.rejected[j], o, q + 1);
                    }
                }
                if (m.batchError != null && $Object.hasOwnProperty.call(m, "batchError")) {
                    d.batchError = m.batchError;
                }
                if (m.ackedAtMs != null && $Object.hasOwnProperty.call(m, "ackedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.ackedAtMs = typeof m.ackedAtMs === "number" ? $BigInt(m.ackedAtMs) : $util.Long.fromBits(m.ackedAtMs.low >>> 0, m.ackedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.ackedAtMs === "number")
                        d.ackedAtMs = o.longs === $String ? $String(m.ackedAtMs) : m.ackedAtMs;
                    else
                        d.ackedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.ackedAtMs) : o.longs === $Number ? new $util.LongBits(m.ackedAtMs.low >>> 0, m.ackedAtMs.high >>> 0).toNumber() : m.ackedAtMs;
                }
                if (m.refusal != null && $Object.hasOwnProperty.call(m, "refusal")) {
                    d.refusal = o.enums === $String ? $root.alpr.v1.Refusal[m.refusal] === $undefined ? m.refusal : $root.alpr.v1.Refusal[m.refusal] : m.refusal;
                }
                if (m.maxBatchBytes != null && $Object.hasOwnProperty.call(m, "maxBatchBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.maxBatchBytes = typeof m.maxBatchBytes === "number" ? $BigInt(m.maxBatchBytes) : $util.Long.fromBits(m.maxBatchBytes.low >>> 0, m.maxBatchBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.maxBatchBytes === "number")
                        d.maxBatchBytes = o.longs === $String ? $String(m.maxBatchBytes) : m.maxBatchBytes;
                    else
                        d.maxBatchBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.maxBatchBytes) : o.longs === $Number ? new $util.LongBits(m.maxBatchBytes.low >>> 0, m.maxBatchBytes.high >>> 0).toNumber(true) : m.maxBatchBytes;
                }
                if (m.envelopeSha256 != null && $Object.hasOwnProperty.call(m, "envelopeSha256")) {
                    d.envelopeSha256 = o.bytes === $String ? $util.base64.encode(m.envelopeSha256, 0, m.envelopeSha256.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.envelopeSha256) : m.envelopeSha256;
                }
                return d;
            };

            /**
             * Converts this BatchAck to JSON.
             * @function toJSON
             * @memberof alpr.v1.BatchAck
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            BatchAck.prototype.toJSON = function() {
                return BatchAck.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for BatchAck
             * @function getTypeUrl
             * @memberof alpr.v1.BatchAck
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            BatchAck.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.BatchAck";
            };

            return BatchAck;
        })();

        v1.SignedAck = (function() {

            /**
             * Properties of a SignedAck.
             * @typedef {Object} alpr.v1.SignedAck.$Properties
             * @property {Uint8Array|null} [ack] SignedAck ack
             * @property {Uint8Array|null} [signature] SignedAck signature
             * @property {Uint8Array|null} [labelledSignature] SignedAck labelledSignature
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SignedAck.
             * @memberof alpr.v1
             * @interface ISignedAck
             * @augments alpr.v1.SignedAck.$Properties
             * @deprecated Use alpr.v1.SignedAck.$Properties instead.
             */

            /**
             * Shape of a SignedAck.
             * @typedef {alpr.v1.SignedAck.$Properties} alpr.v1.SignedAck.$Shape
             */

            /**
             * Constructs a new SignedAck.
             * @memberof alpr.v1
             * @classdesc Represents a SignedAck.
             * @constructor
             * @param {alpr.v1.SignedAck.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SignedAck = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SignedAck ack.
             * @member {Uint8Array} ack
             * @memberof alpr.v1.SignedAck
             * @instance
             */
            SignedAck.prototype.ack = $util.newBuffer([]);

            /**
             * SignedAck signature.
             * @member {Uint8Array} signature
             * @memberof alpr.v1.SignedAck
             * @instance
             */
            SignedAck.prototype.signature = $util.newBuffer([]);

            /**
             * SignedAck labelledSignature.
             * @member {Uint8Array} labelledSignature
             * @memberof alpr.v1.SignedAck
             * @instance
             */
            SignedAck.prototype.labelledSignature = $util.newBuffer([]);

            /**
             * Creates a new SignedAck instance using the specified properties.
             * @function create
             * @memberof alpr.v1.SignedAck
             * @static
             * @param {alpr.v1.SignedAck.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.SignedAck} SignedAck instance
             * @type {{
             *   (properties: alpr.v1.SignedAck.$Shape): alpr.v1.SignedAck & alpr.v1.SignedAck.$Shape;
             *   (properties?: alpr.v1.SignedAck.$Properties): alpr.v1.SignedAck;
             * }}
             */
            SignedAck.create = function(properties) {
                return new SignedAck(properties);
            };

            /**
             * Encodes the specified SignedAck message. Does not implicitly {@link alpr.v1.SignedAck.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.SignedAck
             * @static
             * @param {alpr.v1.SignedAck.$Properties} m SignedAck message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignedAck.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.ack != null && $Object.hasOwnProperty.call(m, "ack") && m.ack.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.ack);
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.signature);
                if (m.labelledSignature != null && $Object.hasOwnProperty.call(m, "labelledSignature") && m.labelledSignature.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.labelledSignature);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified SignedAck message, length delimited. Does not implicitly {@link alpr.v1.SignedAck.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.SignedAck
             * @static
             * @param {alpr.v1.SignedAck.$Properties} message SignedAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignedAck.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SignedAck message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.SignedAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.SignedAck & alpr.v1.SignedAck.$Shape} SignedAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignedAck.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.SignedAck();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.ack = v;
                            else
                                delete m.ack;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.labelledSignature = v;
                            else
                                delete m.labelledSignature;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a SignedAck message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.SignedAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.SignedAck & alpr.v1.SignedAck.$Shape} SignedAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignedAck.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SignedAck message.
             * @function verify
             * @memberof alpr.v1.SignedAck
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SignedAck.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.ack != null && $Object.hasOwnProperty.call(m, "ack")) {
                    if (!(m.ack && typeof m.ack.length === "number" || $util.isString(m.ack)))
                        return "ack: buffer expected";
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    if (!(m.signature && typeof m.signature.length === "number" || $util.isString(m.signature)))
                        return "signature: buffer expected";
                }
                if (m.labelledSignature != null && $Object.hasOwnProperty.call(m, "labelledSignature")) {
                    if (!(m.labelledSignature && typeof m.labelledSignature.length === "number" || $util.isString(m.labelledSignature)))
                        return "labelledSignature: buffer expected";
                }
                return null;
            };

            /**
             * Creates a SignedAck message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.SignedAck
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.SignedAck} SignedAck
             */
            SignedAck.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.SignedAck)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.SignedAck: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.SignedAck();
                if (d.ack != null) {
                    if (d.ack.length) {
                        if (typeof d.ack === "string")
                            $util.base64.decode(d.ack, m.ack = $util.newBuffer($util.base64.length(d.ack)), 0);
                        else if (d.ack.length >= 0)
                            m.ack = d.ack;
                    }
                }
                if (d.signature != null) {
                    if (d.signature.length) {
                        if (typeof d.signature === "string")
                            $util.base64.decode(d.signature, m.signature = $util.newBuffer($util.base64.length(d.signature)), 0);
                        else if (d.signature.length >= 0)
                            m.signature = d.signature;
                    }
                }
                if (d.labelledSignature != null) {
                    if (d.labelledSignature.length) {
                        if (typeof d.labelledSignature === "string")
                            $util.base64.decode(d.labelledSignature, m.labelledSignature = $util.newBuffer($util.base64.length(d.labelledSignature)), 0);
                        else if (d.labelledSignature.length >= 0)
                            m.labelledSignature = d.labelledSignature;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a SignedAck message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.SignedAck
             * @static
             * @param {alpr.v1.SignedAck} m SignedAck
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SignedAck.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.ack = "";
                    else {
                        d.ack = [];
                        if (o.bytes !== $Array)
                            d.ack = $util.newBuffer(d.ack);
                    }
                    if (o.bytes === $String)
                        d.signature = "";
                    else {
                        d.signature = [];
                        if (o.bytes !== $Array)
                            d.signature = $util.newBuffer(d.signature);
                    }
                    if (o.bytes === $String)
                        d.labelledSignature = "";
                    else {
                        d.labelledSignature = [];
                        if (o.bytes !== $Array)
                            d.labelledSignature = $util.newBuffer(d.labelledSignature);
                    }
                }
                if (m.ack != null && $Object.hasOwnProperty.call(m, "ack")) {
                    d.ack = o.bytes === $String ? $util.base64.encode(m.ack, 0, m.ack.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.ack) : m.ack;
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    d.signature = o.bytes === $String ? $util.base64.encode(m.signature, 0, m.signature.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.signature) : m.signature;
                }
                if (m.labelledSignature != null && $Object.hasOwnProperty.call(m, "labelledSignature")) {
                    d.labelledSignature = o.bytes === $String ? $util.base64.encode(m.labelledSignature, 0, m.labelledSignature.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.labelledSignature) : m.labelledSignature;
                }
                return d;
            };

            /**
             * Converts this SignedAck to JSON.
             * @function toJSON
             * @memberof alpr.v1.SignedAck
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SignedAck.prototype.toJSON = function() {
                return SignedAck.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SignedAck
             * @function getTypeUrl
             * @memberof alpr.v1.SignedAck
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SignedAck.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.SignedAck";
            };

            return SignedAck;
        })();

        v1.DeviceStatus = (function() {

            /**
             * Properties of a DeviceStatus.
             * @typedef {Object} alpr.v1.DeviceStatus.$Properties
             * @property {string|null} [deviceId] DeviceStatus deviceId
             * @property {boolean|null} [online] DeviceStatus online
             * @property {number|null} [atMs] DeviceStatus atMs
             * @property {number|null} [unsyncedReads] DeviceStatus unsyncedReads
             * @property {number|null} [oldestUnsyncedAgeS] DeviceStatus oldestUnsyncedAgeS
             * @property {number|null} [lastAckedSequence] DeviceStatus lastAckedSequence
             * @property {boolean|null} [tamperOpen] DeviceStatus tamperOpen
             * @property {string|null} [healthJson] DeviceStatus healthJson
             * @property {number|null} [quarantinedReads] DeviceStatus quarantinedReads
             * @property {number|null} [hotlistVersion] DeviceStatus hotlistVersion
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DeviceStatus.
             * @memberof alpr.v1
             * @interface IDeviceStatus
             * @augments alpr.v1.DeviceStatus.$Properties
             * @deprecated Use alpr.v1.DeviceStatus.$Properties instead.
             */

            /**
             * Shape of a DeviceStatus.
             * @typedef {alpr.v1.DeviceStatus.$Properties} alpr.v1.DeviceStatus.$Shape
             */

            /**
             * Constructs a new DeviceStatus.
             * @memberof alpr.v1
             * @classdesc Represents a DeviceStatus.
             * @constructor
             * @param {alpr.v1.DeviceStatus.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DeviceStatus = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * DeviceStatus deviceId.
             * @member {string} deviceId
             * @memberof alpr.v1.DeviceStatus
             * @instance
             */
            DeviceStatus.prototype.deviceId = "";

            /**
             * DeviceStatus online.
             * @member {boolean} online
             * @memberof alpr.v1.DeviceStatus
             * @instance
             */
            DeviceStatus.prototype.online = false;

            /**
             * DeviceStatus atMs.
             * @member {number} atMs
             * @memberof alpr.v1.DeviceStatus
             * @instance
             */
            DeviceStatus.prototype.atMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * DeviceStatus unsyncedReads.
             * @member {number} unsyncedReads
             * @memberof alpr.v1.DeviceStatus
             * @instance
             */
            DeviceStatus.prototype.unsyncedReads = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * DeviceStatus oldestUnsyncedAgeS.
             * @member {number} oldestUnsyncedAgeS
             * @memberof alpr.v1.DeviceStatus
             * @instance
             */
            DeviceStatus.prototype.oldestUnsyncedAgeS = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * DeviceStatus lastAckedSequence.
             * @member {number} lastAckedSequence
             * @memberof alpr.v1.DeviceStatus
             * @instance
             */
            DeviceStatus.prototype.lastAckedSequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * DeviceStatus tamperOpen.
             * @member {boolean} tamperOpen
             * @memberof alpr.v1.DeviceStatus
             * @instance
             */
            DeviceStatus.prototype.tamperOpen = false;

            /**
             * DeviceStatus healthJson.
             * @member {string} healthJson
             * @memberof alpr.v1.DeviceStatus
             * @instance
             */
            DeviceStatus.prototype.healthJson = "";

            /**
             * DeviceStatus quarantinedReads.
             * @member {number} quarantinedReads
             * @memberof alpr.v1.DeviceStatus
             * @instance
             */
            DeviceStatus.prototype.quarantinedReads = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * DeviceStatus hotlistVersion.
             * @member {number} hotlistVersion
             * @memberof alpr.v1.DeviceStatus
             * @instance
             */
            DeviceStatus.prototype.hotlistVersion = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new DeviceStatus instance using the specified properties.
             * @function create
             * @memberof alpr.v1.DeviceStatus
             * @static
             * @param {alpr.v1.DeviceStatus.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.DeviceStatus} DeviceStatus instance
             * @type {{
             *   (properties: alpr.v1.DeviceStatus.$Shape): alpr.v1.DeviceStatus & alpr.v1.DeviceStatus.$Shape;
             *   (properties?: alpr.v1.DeviceStatus.$Properties): alpr.v1.DeviceStatus;
             * }}
             */
            DeviceStatus.create = function(properties) {
                return new DeviceStatus(properties);
            };

            /**
             * Encodes the specified DeviceStatus message. Does not implicitly {@link alpr.v1.DeviceStatus.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.DeviceStatus
             * @static
             * @param {alpr.v1.DeviceStatus.$Properties} m DeviceStatus message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeviceStatus.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deviceId);
                if (m.online != null && $Object.hasOwnProperty.call(m, "online") && m.online !== false)
                    w.uint32(/* id 2, wireType 0 =*/16).bool(m.online);
                if (m.atMs != null && $Object.hasOwnProperty.call(m, "atMs") && (typeof m.atMs === "object" ? m.atMs.low || m.atMs.high : m.atMs !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).int64(m.atMs);
                if (m.unsyncedReads != null && $Object.hasOwnProperty.call(m, "unsyncedReads") && (typeof m.unsyncedReads === "object" ? m.unsyncedReads.low || m.unsyncedReads.high : m.unsyncedReads !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).uint64(m.unsyncedReads);
                if (m.oldestUnsyncedAgeS != null && $Object.hasOwnProperty.call(m, "oldestUnsyncedAgeS") && (typeof m.oldestUnsyncedAgeS === "object" ? m.oldestUnsyncedAgeS.low || m.oldestUnsyncedAgeS.high : m.oldestUnsyncedAgeS !== 0))
                    w.uint32(/* id 5, wireType 0 =*/40).int64(m.oldestUnsyncedAgeS);
                if (m.lastAckedSequence != null && $Object.hasOwnProperty.call(m, "lastAckedSequence") && (typeof m.lastAckedSequence === "object" ? m.lastAckedSequence.low || m.lastAckedSequence.high : m.lastAckedSequence !== 0))
                    w.uint32(/* id 6, wireType 0 =*/48).uint64(m.lastAckedSequence);
                if (m.tamperOpen != null && $Object.hasOwnProperty.call(m, "tamperOpen") && m.tamperOpen !== false)
                    w.uint32(/* id 7, wireType 0 =*/56).bool(m.tamperOpen);
                if (m.healthJson != null && $Object.hasOwnProperty.call(m, "healthJson") && m.healthJson !== "")
                    w.uint32(/* id 8, wireType 2 =*/66).string(m.healthJson);
                if (m.quarantinedReads != null && $Object.hasOwnProperty.call(m, "quarantinedReads") && (typeof m.quarantinedReads === "object" ? m.quarantinedReads.low || m.quarantinedReads.high : m.quarantinedReads !== 0))
                    w.uint32(/* id 9, wireType 0 =*/72).uint64(m.quarantinedReads);
                if (m.hotlistVersion != null && $Object.hasOwnProperty.call(m, "hotlistVersion") && (typeof m.hotlistVersion === "object" ? m.hotlistVersion.low || m.hotlistVersion.high : m.hotlistVersion !== 0))
                    w.uint32(/* id 20, wireType 0 =*/160).uint64(m.hotlistVersion);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified DeviceStatus message, length delimited. Does not implicitly {@link alpr.v1.DeviceStatus.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.DeviceStatus
             * @static
             * @param {alpr.v1.DeviceStatus.$Properties} message DeviceStatus message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeviceStatus.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a DeviceStatus message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.DeviceStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.DeviceStatus & alpr.v1.DeviceStatus.$Shape} DeviceStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeviceStatus.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.DeviceStatus();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.online = v;
                            else
                                delete m.online;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.atMs = v;
                            else
                                delete m.atMs;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.unsyncedReads = v;
                            else
                                delete m.unsyncedReads;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.oldestUnsyncedAgeS = v;
                            else
                                delete m.oldestUnsyncedAgeS;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.lastAckedSequence = v;
                            else
                                delete m.lastAckedSequence;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.tamperOpen = v;
                            else
                                delete m.tamperOpen;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.healthJson = v;
                            else
                                delete m.healthJson;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.quarantinedReads = v;
                            else
                                delete m.quarantinedReads;
                            continue;
                        }
                    case 20: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.hotlistVersion = v;
                            else
                                delete m.hotlistVersion;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a DeviceStatus message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.DeviceStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.DeviceStatus & alpr.v1.DeviceStatus.$Shape} DeviceStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeviceStatus.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a DeviceStatus message.
             * @function verify
             * @memberof alpr.v1.DeviceStatus
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DeviceStatus.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    if (!$util.isString(m.deviceId))
                        return "deviceId: string expected";
                }
                if (m.online != null && $Object.hasOwnProperty.call(m, "online")) {
                    if (typeof m.online !== "boolean")
                        return "online: boolean expected";
                }
                if (m.atMs != null && $Object.hasOwnProperty.call(m, "atMs")) {
                    if (!$util.isInteger(m.atMs) && !(m.atMs && $util.isInteger(m.atMs.low) && $util.isInteger(m.atMs.high)))
                        return "atMs: integer|Long expected";
                }
                if (m.unsyncedReads != null && $Object.hasOwnProperty.call(m, "unsyncedReads")) {
                    if (!$util.isInteger(m.unsyncedReads) && !(m.unsyncedReads && $util.isInteger(m.unsyncedReads.low) && $util.isInteger(m.unsyncedReads.high)))
                        return "unsyncedReads: integer|Long expected";
                }
                if (m.oldestUnsyncedAgeS != null && $Object.hasOwnProperty.call(m, "oldestUnsyncedAgeS")) {
                    if (!$util.isInteger(m.oldestUnsyncedAgeS) && !(m.oldestUnsyncedAgeS && $util.isInteger(m.oldestUnsyncedAgeS.low) && $util.isInteger(m.oldestUnsyncedAgeS.high)))
                        return "oldestUnsyncedAgeS: integer|Long expected";
                }
                if (m.lastAckedSequence != null && $Object.hasOwnProperty.call(m, "lastAckedSequence")) {
                    if (!$util.isInteger(m.lastAckedSequence) && !(m.lastAckedSequence && $util.isInteger(m.lastAckedSequence.low) && $util.isInteger(m.lastAckedSequence.high)))
                        return "lastAckedSequence: integer|Long expected";
                }
                if (m.tamperOpen != null && $Object.hasOwnProperty.call(m, "tamperOpen")) {
                    if (typeof m.tamperOpen !== "boolean")
                        return "tamperOpen: boolean expected";
                }
                if (m.healthJson != null && $Object.hasOwnProperty.call(m, "healthJson")) {
                    if (!$util.isString(m.healthJson))
                        return "healthJson: string expected";
                }
                if (m.quarantinedReads != null && $Object.hasOwnProperty.call(m, "quarantinedReads")) {
                    if (!$util.isInteger(m.quarantinedReads) && !(m.quarantinedReads && $util.isInteger(m.quarantinedReads.low) && $util.isInteger(m.quarantinedReads.high)))
                        return "quarantinedReads: integer|Long expected";
                }
                if (m.hotlistVersion != null && $Object.hasOwnProperty.call(m, "hotlistVersion")) {
                    if (!$util.isInteger(m.hotlistVersion) && !(m.hotlistVersion && $util.isInteger(m.hotlistVersion.low) && $util.isInteger(m.hotlistVersion.high)))
                        return "hotlistVersion: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a DeviceStatus message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.DeviceStatus
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.DeviceStatus} DeviceStatus
             */
            DeviceStatus.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.DeviceStatus)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.DeviceStatus: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.DeviceStatus();
                if (d.deviceId != null) {
                    if (typeof d.deviceId !== "string" || d.deviceId.length) {
                        m.deviceId = $String(d.deviceId);
                    }
                }
                if (d.online != null) {
                    if (d.online) {
                        m.online = $Boolean(d.online);
                    }
                }
                if (d.atMs != null) {
                    if (typeof d.atMs === "object" ? d.atMs.low || d.atMs.high : $Number(d.atMs) !== 0) {
                        if ($util.Long)
                            m.atMs = $util.Long.fromValue(d.atMs, false);
                        else if (typeof d.atMs === "string")
                            m.atMs = $parseInt(d.atMs, 10);
                        else if (typeof d.atMs === "number")
                            m.atMs = d.atMs;
                        else if (typeof d.atMs === "object")
                            m.atMs = new $util.LongBits(d.atMs.low >>> 0, d.atMs.high >>> 0).toNumber();
                    }
                }
                if (d.unsyncedReads != null) {
                    if (typeof d.unsyncedReads === "object" ? d.unsyncedReads.low || d.unsyncedReads.high : $Number(d.unsyncedReads) !== 0) {
                        if ($util.Long)
                            m.unsyncedReads = $util.Long.fromValue(d.unsyncedReads, true);
                        else if (typeof d.unsyncedReads === "string")
                            m.unsyncedReads = $parseInt(d.unsyncedReads, 10);
                        else if (typeof d.unsyncedReads === "number")
                            m.unsyncedReads = d.unsyncedReads;
                        else if (typeof d.unsyncedReads === "object")
                            m.unsyncedReads = new $util.LongBits(d.unsyncedReads.low >>> 0, d.unsyncedReads.high >>> 0).toNumber(true);
                    }
                }
                if (d.oldestUnsyncedAgeS != null) {
                    if (typeof d.oldestUnsyncedAgeS === "object" ? d.oldestUnsyncedAgeS.low || d.oldestUnsyncedAgeS.high : $Number(d.oldestUnsyncedAgeS) !== 0) {
                        if ($util.Long)
                            m.oldestUnsyncedAgeS = $util.Long.fromValue(d.oldestUnsyncedAgeS, false);
                        else if (typeof d.oldestUnsyncedAgeS === "string")
                            m.oldestUnsyncedAgeS = $parseInt(d.oldestUnsyncedAgeS, 10);
                        else if (typeof d.oldestUnsyncedAgeS === "number")
                            m.oldestUnsyncedAgeS = d.oldestUnsyncedAgeS;
                        else if (typeof d.oldestUnsyncedAgeS === "object")
                            m.oldestUnsyncedAgeS = new $util.LongBits(d.oldestUnsyncedAgeS.low >>> 0, d.oldestUnsyncedAgeS.high >>> 0).toNumber();
                    }
                }
                if (d.lastAckedSequence != null) {
                    if (typeof d.lastAckedSequence === "object" ? d.lastAckedSequence.low || d.lastAckedSequence.high : $Number(d.lastAckedSequence) !== 0) {
                        if ($util.Long)
                            m.lastAckedSequence = $util.Long.fromValue(d.lastAckedSequence, true);
                        else if (typeof d.lastAckedSequence === "string")
                            m.lastAckedSequence = $parseInt(d.lastAckedSequence, 10);
                        else if (typeof d.lastAckedSequence === "number")
                            m.lastAckedSequence = d.lastAckedSequence;
                        else if (typeof d.lastAckedSequence === "object")
                            m.lastAckedSequence = new $util.LongBits(d.lastAckedSequence.low >>> 0, d.lastAckedSequence.high >>> 0).toNumber(true);
                    }
                }
                if (d.tamperOpen != null) {
                    if (d.tamperOpen) {
                        m.tamperOpen = $Boolean(d.tamperOpen);
                    }
                }
                if (d.healthJson != null) {
                    if (typeof d.healthJson !== "string" || d.healthJson.length) {
                        m.healthJson = $String(d.healthJson);
                    }
                }
                if (d.quarantinedReads != null) {
                    if (typeof d.quarantinedReads === "object" ? d.quarantinedReads.low || d.quarantinedReads.high : $Number(d.quarantinedReads) !== 0) {
                        if ($util.Long)
                            m.quarantinedReads = $util.Long.fromValue(d.quarantinedReads, true);
                        else if (typeof d.quarantinedReads === "string")
                            m.quarantinedReads = $parseInt(d.quarantinedReads, 10);
                        else if (typeof d.quarantinedReads === "number")
                            m.quarantinedReads = d.quarantinedReads;
                        else if (typeof d.quarantinedReads === "object")
                            m.quarantinedReads = new $util.LongBits(d.quarantinedReads.low >>> 0, d.quarantinedReads.high >>> 0).toNumber(true);
                    }
                }
                if (d.hotlistVersion != null) {
                    if (typeof d.hotlistVersion === "object" ? d.hotlistVersion.low || d.hotlistVersion.high : $Number(d.hotlistVersion) !== 0) {
                        if ($util.Long)
                            m.hotlistVersion = $util.Long.fromValue(d.hotlistVersion, true);
                        else if (typeof d.hotlistVersion === "string")
                            m.hotlistVersion = $parseInt(d.hotlistVersion, 10);
                        else if (typeof d.hotlistVersion === "number")
                            m.hotlistVersion = d.hotlistVersion;
                        else if (typeof d.hotlistVersion === "object")
                            m.hotlistVersion = new $util.LongBits(d.hotlistVersion.low >>> 0, d.hotlistVersion.high >>> 0).toNumber(true);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a DeviceStatus message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.DeviceStatus
             * @static
             * @param {alpr.v1.DeviceStatus} m DeviceStatus
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DeviceStatus.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.deviceId = "";
                    d.online = false;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.atMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.atMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.unsyncedReads = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.unsyncedReads = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.oldestUnsyncedAgeS = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.oldestUnsyncedAgeS = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.lastAckedSequence = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.lastAckedSequence = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.tamperOpen = false;
                    d.healthJson = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.quarantinedReads = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.quarantinedReads = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.hotlistVersion = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.hotlistVersion = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.online != null && $Object.hasOwnProperty.call(m, "online")) {
                    d.online = m.online;
                }
                if (m.atMs != null && $Object.hasOwnProperty.call(m, "atMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.atMs = typeof m.atMs === "number" ? $BigInt(m.atMs) : $util.Long.fromBits(m.atMs.low >>> 0, m.atMs.high >>> 0, false).toBigInt();
                    else if (typeof m.atMs === "number")
                        d.atMs = o.longs === $String ? $String(m.atMs) : m.atMs;
                    else
                        d.atMs = o.longs === $String ? $util.Long.prototype.toString.call(m.atMs) : o.longs === $Number ? new $util.LongBits(m.atMs.low >>> 0, m.atMs.high >>> 0).toNumber() : m.atMs;
                }
                if (m.unsyncedReads != null && $Object.hasOwnProperty.call(m, "unsyncedReads")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.unsyncedReads = typeof m.unsyncedReads === "number" ? $BigInt(m.unsyncedReads) : $util.Long.fromBits(m.unsyncedReads.low >>> 0, m.unsyncedReads.high >>> 0, true).toBigInt();
                    else if (typeof m.unsyncedReads === "number")
                        d.unsyncedReads = o.longs === $String ? $String(m.unsyncedReads) : m.unsyncedReads;
                    else
                        d.unsyncedReads = o.longs === $String ? $util.Long.prototype.toString.call(m.unsyncedReads) : o.longs === $Number ? new $util.LongBits(m.unsyncedReads.low >>> 0, m.unsyncedReads.high >>> 0).toNumber(true) : m.unsyncedReads;
                }
                if (m.oldestUnsyncedAgeS != null && $Object.hasOwnProperty.call(m, "oldestUnsyncedAgeS")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.oldestUnsyncedAgeS = typeof m.oldestUnsyncedAgeS === "number" ? $BigInt(m.oldestUnsyncedAgeS) : $util.Long.fromBits(m.oldestUnsyncedAgeS.low >>> 0, m.oldestUnsyncedAgeS.high >>> 0, false).toBigInt();
                    else if (typeof m.oldestUnsyncedAgeS === "number")
                        d.oldestUnsyncedAgeS = o.longs === $String ? $String(m.oldestUnsyncedAgeS) : m.oldestUnsyncedAgeS;
                    else
                        d.oldestUnsyncedAgeS = o.longs === $String ? $util.Long.prototype.toString.call(m.oldestUnsyncedAgeS) : o.longs === $Number ? new $util.LongBits(m.oldestUnsyncedAgeS.low >>> 0, m.oldestUnsyncedAgeS.high >>> 0).toNumber() : m.oldestUnsyncedAgeS;
                }
                if (m.lastAckedSequence != null && $Object.hasOwnProperty.call(m, "lastAckedSequence")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.lastAckedSequence = typeof m.lastAckedSequence === "number" ? $BigInt(m.lastAckedSequence) : $util.Long.fromBits(m.lastAckedSequence.low >>> 0, m.lastAckedSequence.high >>> 0, true).toBigInt();
                    else if (typeof m.lastAckedSequence === "number")
                        d.lastAckedSequence = o.longs === $String ? $String(m.lastAckedSequence) : m.lastAckedSequence;
                    else
                        d.lastAckedSequence = o.longs === $String ? $util.Long.prototype.toString.call(m.lastAckedSequence) : o.longs === $Number ? new $util.LongBits(m.lastAckedSequence.low >>> 0, m.lastAckedSequence.high >>> 0).toNumber(true) : m.lastAckedSequence;
                }
                if (m.tamperOpen != null && $Object.hasOwnProperty.call(m, "tamperOpen")) {
                    d.tamperOpen = m.tamperOpen;
                }
                if (m.healthJson != null && $Object.hasOwnProperty.call(m, "healthJson")) {
                    d.healthJson = m.healthJson;
                }
                if (m.quarantinedReads != null && $Object.hasOwnProperty.call(m, "quarantinedReads")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.quarantinedReads = typeof m.quarantinedReads === "number" ? $BigInt(m.quarantinedReads) : $util.Long.fromBits(m.quarantinedReads.low >>> 0, m.quarantinedReads.high >>> 0, true).toBigInt();
                    else if (typeof m.quarantinedReads === "number")
                        d.quarantinedReads = o.longs === $String ? $String(m.quarantinedReads) : m.quarantinedReads;
                    else
                        d.quarantinedReads = o.longs === $String ? $util.Long.prototype.toString.call(m.quarantinedReads) : o.longs === $Number ? new $util.LongBits(m.quarantinedReads.low >>> 0, m.quarantinedReads.high >>> 0).toNumber(true) : m.quarantinedReads;
                }
                if (m.hotlistVersion != null && $Object.hasOwnProperty.call(m, "hotlistVersion")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.hotlistVersion = typeof m.hotlistVersion === "number" ? $BigInt(m.hotlistVersion) : $util.Long.fromBits(m.hotlistVersion.low >>> 0, m.hotlistVersion.high >>> 0, true).toBigInt();
                    else if (typeof m.hotlistVersion === "number")
                        d.hotlistVersion = o.longs === $String ? $String(m.hotlistVersion) : m.hotlistVersion;
                    else
                        d.hotlistVersion = o.longs === $String ? $util.Long.prototype.toString.call(m.hotlistVersion) : o.longs === $Number ? new $util.LongBits(m.hotlistVersion.low >>> 0, m.hotlistVersion.high >>> 0).toNumber(true) : m.hotlistVersion;
                }
                return d;
            };

            /**
             * Converts this DeviceStatus to JSON.
             * @function toJSON
             * @memberof alpr.v1.DeviceStatus
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DeviceStatus.prototype.toJSON = function() {
                return DeviceStatus.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DeviceStatus
             * @function getTypeUrl
             * @memberof alpr.v1.DeviceStatus
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DeviceStatus.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.DeviceStatus";
            };

            return DeviceStatus;
        })();

        v1.HotlistEntry = (function() {

            /**
             * Properties of a HotlistEntry.
             * @typedef {Object} alpr.v1.HotlistEntry.$Properties
             * @property {string|null} [entryId] HotlistEntry entryId
             * @property {string|null} [plate] HotlistEntry plate
             * @property {string|null} [state] HotlistEntry state
             * @property {string|null} [plateType] HotlistEntry plateType
             * @property {string|null} [vehicleMake] HotlistEntry vehicleMake
             * @property {string|null} [vehicleColour] HotlistEntry vehicleColour
             * @property {string|null} [vehicleType] HotlistEntry vehicleType
             * @property {number|null} [priority] HotlistEntry priority
             * @property {string|null} [action] HotlistEntry action
             * @property {string|null} [source] HotlistEntry source
             * @property {string|null} [category] HotlistEntry category
             * @property {number|null} [expiresAtMs] HotlistEntry expiresAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HotlistEntry.
             * @memberof alpr.v1
             * @interface IHotlistEntry
             * @augments alpr.v1.HotlistEntry.$Properties
             * @deprecated Use alpr.v1.HotlistEntry.$Properties instead.
             */

            /**
             * Shape of a HotlistEntry.
             * @typedef {alpr.v1.HotlistEntry.$Properties} alpr.v1.HotlistEntry.$Shape
             */

            /**
             * Constructs a new HotlistEntry.
             * @memberof alpr.v1
             * @classdesc Represents a HotlistEntry.
             * @constructor
             * @param {alpr.v1.HotlistEntry.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HotlistEntry = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * HotlistEntry entryId.
             * @member {string} entryId
             * @memberof alpr.v1.HotlistEntry
             * @instance
             */
            HotlistEntry.prototype.entryId = "";

            /**
             * HotlistEntry plate.
             * @member {string} plate
             * @memberof alpr.v1.HotlistEntry
             * @instance
             */
            HotlistEntry.prototype.plate = "";

            /**
             * HotlistEntry state.
             * @member {string} state
             * @memberof alpr.v1.HotlistEntry
             * @instance
             */
            HotlistEntry.prototype.state = "";

            /**
             * HotlistEntry plateType.
             * @member {string} plateType
             * @memberof alpr.v1.HotlistEntry
             * @instance
             */
            HotlistEntry.prototype.plateType = "";

            /**
             * HotlistEntry vehicleMake.
             * @member {string} vehicleMake
             * @memberof alpr.v1.HotlistEntry
             * @instance
             */
            HotlistEntry.prototype.vehicleMake = "";

            /**
             * HotlistEntry vehicleColour.
             * @member {string} vehicleColour
             * @memberof alpr.v1.HotlistEntry
             * @instance
             */
            HotlistEntry.prototype.vehicleColour = "";

            /**
             * HotlistEntry vehicleType.
             * @member {string} vehicleType
             * @memberof alpr.v1.HotlistEntry
             * @instance
             */
            HotlistEntry.prototype.vehicleType = "";

            /**
             * HotlistEntry priority.
             * @member {number} priority
             * @memberof alpr.v1.HotlistEntry
             * @instance
             */
            HotlistEntry.prototype.priority = 0;

            /**
             * HotlistEntry action.
             * @member {string} action
             * @memberof alpr.v1.HotlistEntry
             * @instance
             */
            HotlistEntry.prototype.action = "";

            /**
             * HotlistEntry source.
             * @member {string} source
             * @memberof alpr.v1.HotlistEntry
             * @instance
             */
            HotlistEntry.prototype.source = "";

            /**
             * HotlistEntry category.
             * @member {string} category
             * @memberof alpr.v1.HotlistEntry
             * @instance
             */
            HotlistEntry.prototype.category = "";

            /**
             * HotlistEntry expiresAtMs.
             * @member {number} expiresAtMs
             * @memberof alpr.v1.HotlistEntry
             * @instance
             */
            HotlistEntry.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new HotlistEntry instance using the specified properties.
             * @function create
             * @memberof alpr.v1.HotlistEntry
             * @static
             * @param {alpr.v1.HotlistEntry.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.HotlistEntry} HotlistEntry instance
             * @type {{
             *   (properties: alpr.v1.HotlistEntry.$Shape): alpr.v1.HotlistEntry & alpr.v1.HotlistEntry.$Shape;
             *   (properties?: alpr.v1.HotlistEntry.$Properties): alpr.v1.HotlistEntry;
             * }}
             */
            HotlistEntry.create = function(properties) {
                return new HotlistEntry(properties);
            };

            /**
             * Encodes the specified HotlistEntry message. Does not implicitly {@link alpr.v1.HotlistEntry.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.HotlistEntry
             * @static
             * @param {alpr.v1.HotlistEntry.$Properties} m HotlistEntry message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HotlistEntry.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.entryId != null && $Object.hasOwnProperty.call(m, "entryId") && m.entryId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.entryId);
                if (m.plate != null && $Object.hasOwnProperty.call(m, "plate") && m.plate !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.plate);
                if (m.state != null && $Object.hasOwnProperty.call(m, "state") && m.state !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.state);
                if (m.plateType != null && $Object.hasOwnProperty.call(m, "plateType") && m.plateType !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.plateType);
                if (m.vehicleMake != null && $Object.hasOwnProperty.call(m, "vehicleMake") && m.vehicleMake !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.vehicleMake);
                if (m.vehicleColour != null && $Object.hasOwnProperty.call(m, "vehicleColour") && m.vehicleColour !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.vehicleColour);
                if (m.vehicleType != null && $Object.hasOwnProperty.call(m, "vehicleType") && m.vehicleType !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.vehicleType);
                if (m.priority != null && $Object.hasOwnProperty.call(m, "priority") && m.priority !== 0)
                    w.uint32(/* id 8, wireType 0 =*/64).uint32(m.priority);
                if (m.action != null && $Object.hasOwnProperty.call(m, "action") && m.action !== "")
                    w.uint32(/* id 9, wireType 2 =*/74).string(m.action);
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== "")
                    w.uint32(/* id 10, wireType 2 =*/82).string(m.source);
                if (m.category != null && $Object.hasOwnProperty.call(m, "category") && m.category !== "")
                    w.uint32(/* id 11, wireType 2 =*/90).string(m.category);
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs") && (typeof m.expiresAtMs === "object" ? m.expiresAtMs.low || m.expiresAtMs.high : m.expiresAtMs !== 0))
                    w.uint32(/* id 12, wireType 0 =*/96).int64(m.expiresAtMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified HotlistEntry message, length delimited. Does not implicitly {@link alpr.v1.HotlistEntry.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.HotlistEntry
             * @static
             * @param {alpr.v1.HotlistEntry.$Properties} message HotlistEntry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HotlistEntry.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a HotlistEntry message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.HotlistEntry
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.HotlistEntry & alpr.v1.HotlistEntry.$Shape} HotlistEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HotlistEntry.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.HotlistEntry();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.entryId = v;
                            else
                                delete m.entryId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.plate = v;
                            else
                                delete m.plate;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.state = v;
                            else
                                delete m.state;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.plateType = v;
                            else
                                delete m.plateType;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.vehicleMake = v;
                            else
                                delete m.vehicleMake;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.vehicleColour = v;
                            else
                                delete m.vehicleColour;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.vehicleType = v;
                            else
                                delete m.vehicleType;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.priority = v;
                            else
                                delete m.priority;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.action = v;
                            else
                                delete m.action;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.source = v;
                            else
                                delete m.source;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.category = v;
                            else
                                delete m.category;
                            continue;
                        }
                    case 12: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.expiresAtMs = v;
                            else
                                delete m.expiresAtMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a HotlistEntry message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.HotlistEntry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.HotlistEntry & alpr.v1.HotlistEntry.$Shape} HotlistEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HotlistEntry.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a HotlistEntry message.
             * @function verify
             * @memberof alpr.v1.HotlistEntry
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            HotlistEntry.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.entryId != null && $Object.hasOwnProperty.call(m, "entryId")) {
                    if (!$util.isString(m.entryId))
                        return "entryId: string expected";
                }
                if (m.plate != null && $Object.hasOwnProperty.call(m, "plate")) {
                    if (!$util.isString(m.plate))
                        return "plate: string expected";
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    if (!$util.isString(m.state))
                        return "state: string expected";
                }
                if (m.plateType != null && $Object.hasOwnProperty.call(m, "plateType")) {
                    if (!$util.isString(m.plateType))
                        return "plateType: string expected";
                }
                if (m.vehicleMake != null && $Object.hasOwnProperty.call(m, "vehicleMake")) {
                    if (!$util.isString(m.vehicleMake))
                        return "vehicleMake: string expected";
                }
                if (m.vehicleColour != null && $Object.hasOwnProperty.call(m, "vehicleColour")) {
                    if (!$util.isString(m.vehicleColour))
                        return "vehicleColour: string expected";
                }
                if (m.vehicleType != null && $Object.hasOwnProperty.call(m, "vehicleType")) {
                    if (!$util.isString(m.vehicleType))
                        return "vehicleType: string expected";
                }
                if (m.priority != null && $Object.hasOwnProperty.call(m, "priority")) {
                    if (!$util.isInteger(m.priority))
                        return "priority: integer expected";
                }
                if (m.action != null && $Object.hasOwnProperty.call(m, "action")) {
                    if (!$util.isString(m.action))
                        return "action: string expected";
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    if (!$util.isString(m.source))
                        return "source: string expected";
                }
                if (m.category != null && $Object.hasOwnProperty.call(m, "category")) {
                    if (!$util.isString(m.category))
                        return "category: string expected";
                }
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs")) {
                    if (!$util.isInteger(m.expiresAtMs) && !(m.expiresAtMs && $util.isInteger(m.expiresAtMs.low) && $util.isInteger(m.expiresAtMs.high)))
                        return "expiresAtMs: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a HotlistEntry message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.HotlistEntry
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.HotlistEntry} HotlistEntry
             */
            HotlistEntry.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.HotlistEntry)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.HotlistEntry: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.HotlistEntry();
                if (d.entryId != null) {
                    if (typeof d.entryId !== "string" || d.entryId.length) {
                        m.entryId = $String(d.entryId);
                    }
                }
                if (d.plate != null) {
                    if (typeof d.plate !== "string" || d.plate.length) {
                        m.plate = $String(d.plate);
                    }
                }
                if (d.state != null) {
                    if (typeof d.state !== "string" || d.state.length) {
                        m.state = $String(d.state);
                    }
                }
                if (d.plateType != null) {
                    if (typeof d.plateType !== "string" || d.plateType.length) {
                        m.plateType = $String(d.plateType);
                    }
                }
                if (d.vehicleMake != null) {
                    if (typeof d.vehicleMake !== "string" || d.vehicleMake.length) {
                        m.vehicleMake = $String(d.vehicleMake);
                    }
                }
                if (d.vehicleColour != null) {
                    if (typeof d.vehicleColour !== "string" || d.vehicleColour.length) {
                        m.vehicleColour = $String(d.vehicleColour);
                    }
                }
                if (d.vehicleType != null) {
                    if (typeof d.vehicleType !== "string" || d.vehicleType.length) {
                        m.vehicleType = $String(d.vehicleType);
                    }
                }
                if (d.priority != null) {
                    if ($Number(d.priority) !== 0) {
                        m.priority = d.priority >>> 0;
                    }
                }
                if (d.action != null) {
                    if (typeof d.action !== "string" || d.action.length) {
                        m.action = $String(d.action);
                    }
                }
                if (d.source != null) {
                    if (typeof d.source !== "string" || d.source.length) {
                        m.source = $String(d.source);
                    }
                }
                if (d.category != null) {
                    if (typeof d.category !== "string" || d.category.length) {
                        m.category = $String(d.category);
                    }
                }
                if (d.expiresAtMs != null) {
                    if (typeof d.expiresAtMs === "object" ? d.expiresAtMs.low || d.expiresAtMs.high : $Number(d.expiresAtMs) !== 0) {
                        if ($util.Long)
                            m.expiresAtMs = $util.Long.fromValue(d.expiresAtMs, false);
                        else if (typeof d.expiresAtMs === "string")
                            m.expiresAtMs = $parseInt(d.expiresAtMs, 10);
                        else if (typeof d.expiresAtMs === "number")
                            m.expiresAtMs = d.expiresAtMs;
                        else if (typeof d.expiresAtMs === "object")
                            m.expiresAtMs = new $util.LongBits(d.expiresAtMs.low >>> 0, d.expiresAtMs.high >>> 0).toNumber();
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a HotlistEntry message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.HotlistEntry
             * @static
             * @param {alpr.v1.HotlistEntry} m HotlistEntry
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HotlistEntry.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.entryId = "";
                    d.plate = "";
                    d.state = "";
                    d.plateType = "";
                    d.vehicleMake = "";
                    d.vehicleColour = "";
                    d.vehicleType = "";
                    d.priority = 0;
                    d.action = "";
                    d.source = "";
                    d.category = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.expiresAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.expiresAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.entryId != null && $Object.hasOwnProperty.call(m, "entryId")) {
                    d.entryId = m.entryId;
                }
                if (m.plate != null && $Object.hasOwnProperty.call(m, "plate")) {
                    d.plate = m.plate;
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    d.state = m.state;
                }
                if (m.plateType != null && $Object.hasOwnProperty.call(m, "plateType")) {
                    d.plateType = m.plateType;
                }
                if (m.vehicleMake != null && $Object.hasOwnProperty.call(m, "vehicleMake")) {
                    d.vehicleMake = m.vehicleMake;
                }
                if (m.vehicleColour != null && $Object.hasOwnProperty.call(m, "vehicleColour")) {
                    d.vehicleColour = m.vehicleColour;
                }
                if (m.vehicleType != null && $Object.hasOwnProperty.call(m, "vehicleType")) {
                    d.vehicleType = m.vehicleType;
                }
                if (m.priority != null && $Object.hasOwnProperty.call(m, "priority")) {
                    d.priority = m.priority;
                }
                if (m.action != null && $Object.hasOwnProperty.call(m, "action")) {
                    d.action = m.action;
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    d.source = m.source;
                }
                if (m.category != null && $Object.hasOwnProperty.call(m, "category")) {
                    d.category = m.category;
                }
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.expiresAtMs = typeof m.expiresAtMs === "number" ? $BigInt(m.expiresAtMs) : $util.Long.fromBits(m.expiresAtMs.low >>> 0, m.expiresAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.expiresAtMs === "number")
                        d.expiresAtMs = o.longs === $String ? $String(m.expiresAtMs) : m.expiresAtMs;
                    else
                        d.expiresAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.expiresAtMs) : o.longs === $Number ? new $util.LongBits(m.expiresAtMs.low >>> 0, m.expiresAtMs.high >>> 0).toNumber() : m.expiresAtMs;
                }
                return d;
            };

            /**
             * Converts this HotlistEntry to JSON.
             * @function toJSON
             * @memberof alpr.v1.HotlistEntry
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HotlistEntry.prototype.toJSON = function() {
                return HotlistEntry.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for HotlistEntry
             * @function getTypeUrl
             * @memberof alpr.v1.HotlistEntry
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            HotlistEntry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.HotlistEntry";
            };

            return HotlistEntry;
        })();

        v1.HotlistUpdate = (function() {

            /**
             * Properties of a HotlistUpdate.
             * @typedef {Object} alpr.v1.HotlistUpdate.$Properties
             * @property {string|null} [deviceId] HotlistUpdate deviceId
             * @property {number|null} [version] HotlistUpdate version
             * @property {number|null} [baseVersion] HotlistUpdate baseVersion
             * @property {boolean|null} [snapshot] HotlistUpdate snapshot
             * @property {number|null} [part] HotlistUpdate part
             * @property {number|null} [parts] HotlistUpdate parts
             * @property {Array.<alpr.v1.HotlistEntry.$Properties>|null} [upserts] HotlistUpdate upserts
             * @property {Array.<string>|null} [removedEntryIds] HotlistUpdate removedEntryIds
             * @property {number|null} [issuedAtMs] HotlistUpdate issuedAtMs
             * @property {number|null} [listExpiresAtMs] HotlistUpdate listExpiresAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HotlistUpdate.
             * @memberof alpr.v1
             * @interface IHotlistUpdate
             * @augments alpr.v1.HotlistUpdate.$Properties
             * @deprecated Use alpr.v1.HotlistUpdate.$Properties instead.
             */

            /**
             * Shape of a HotlistUpdate.
             * @typedef {alpr.v1.HotlistUpdate.$Properties} alpr.v1.HotlistUpdate.$Shape
             */

            /**
             * Constructs a new HotlistUpdate.
             * @memberof alpr.v1
             * @classdesc Represents a HotlistUpdate.
             * @constructor
             * @param {alpr.v1.HotlistUpdate.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HotlistUpdate = function (p) {
                this.upserts = [];
                this.removedEntryIds = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * HotlistUpdate deviceId.
             * @member {string} deviceId
             * @memberof alpr.v1.HotlistUpdate
             * @instance
             */
            HotlistUpdate.prototype.deviceId = "";

            /**
             * HotlistUpdate version.
             * @member {number} version
             * @memberof alpr.v1.HotlistUpdate
             * @instance
             */
            HotlistUpdate.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HotlistUpdate baseVersion.
             * @member {number} baseVersion
             * @memberof alpr.v1.HotlistUpdate
             * @instance
             */
            HotlistUpdate.prototype.baseVersion = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HotlistUpdate snapshot.
             * @member {boolean} snapshot
             * @memberof alpr.v1.HotlistUpdate
             * @instance
             */
            HotlistUpdate.prototype.snapshot = false;

            /**
             * HotlistUpdate part.
             * @member {number} part
             * @memberof alpr.v1.HotlistUpdate
             * @instance
             */
            HotlistUpdate.prototype.part = 0;

            /**
             * HotlistUpdate parts.
             * @member {number} parts
             * @memberof alpr.v1.HotlistUpdate
             * @instance
             */
            HotlistUpdate.prototype.parts = 0;

            /**
             * HotlistUpdate upserts.
             * @member {Array.<alpr.v1.HotlistEntry.$Properties>} upserts
             * @memberof alpr.v1.HotlistUpdate
             * @instance
             */
            HotlistUpdate.prototype.upserts = $util.emptyArray;

            /**
             * HotlistUpdate removedEntryIds.
             * @member {Array.<string>} removedEntryIds
             * @memberof alpr.v1.HotlistUpdate
             * @instance
             */
            HotlistUpdate.prototype.removedEntryIds = $util.emptyArray;

            /**
             * HotlistUpdate issuedAtMs.
             * @member {number} issuedAtMs
             * @memberof alpr.v1.HotlistUpdate
             * @instance
             */
            HotlistUpdate.prototype.issuedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * HotlistUpdate listExpiresAtMs.
             * @member {number} listExpiresAtMs
             * @memberof alpr.v1.HotlistUpdate
             * @instance
             */
            HotlistUpdate.prototype.listExpiresAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new HotlistUpdate instance using the specified properties.
             * @function create
             * @memberof alpr.v1.HotlistUpdate
             * @static
             * @param {alpr.v1.HotlistUpdate.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.HotlistUpdate} HotlistUpdate instance
             * @type {{
             *   (properties: alpr.v1.HotlistUpdate.$Shape): alpr.v1.HotlistUpdate & alpr.v1.HotlistUpdate.$Shape;
             *   (properties?: alpr.v1.HotlistUpdate.$Properties): alpr.v1.HotlistUpdate;
             * }}
             */
            HotlistUpdate.create = function(properties) {
                return new HotlistUpdate(properties);
            };

            /**
             * Encodes the specified HotlistUpdate message. Does not implicitly {@link alpr.v1.HotlistUpdate.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.HotlistUpdate
             * @static
             * @param {alpr.v1.HotlistUpdate.$Properties} m HotlistUpdate message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HotlistUpdate.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deviceId);
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && (typeof m.version === "object" ? m.version.low || m.version.high : m.version !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.version);
                if (m.baseVersion != null && $Object.hasOwnProperty.call(m, "baseVersion") && (typeof m.baseVersion === "object" ? m.baseVersion.low || m.baseVersion.high : m.baseVersion !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.baseVersion);
                if (m.snapshot != null && $Object.hasOwnProperty.call(m, "snapshot") && m.snapshot !== false)
                    w.uint32(/* id 4, wireType 0 =*/32).bool(m.snapshot);
                if (m.part != null && $Object.hasOwnProperty.call(m, "part") && m.part !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).uint32(m.part);
                if (m.parts != null && $Object.hasOwnProperty.call(m, "parts") && m.parts !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).uint32(m.parts);
                if (m.upserts != null && m.upserts.length) {
                    for (var i = 0; i < m.upserts.length; ++i)
                        $root.alpr.v1.HotlistEntry.encode(m.upserts[i], w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                }
                if (m.removedEntryIds != null && m.removedEntryIds.length) {
                    for (var i = 0; i < m.removedEntryIds.length; ++i)
                        w.uint32(/* id 8, wireType 2 =*/66).string(m.removedEntryIds[i]);
                }
                if (m.issuedAtMs != null && $Object.hasOwnProperty.call(m, "issuedAtMs") && (typeof m.issuedAtMs === "object" ? m.issuedAtMs.low || m.issuedAtMs.high : m.issuedAtMs !== 0))
                    w.uint32(/* id 9, wireType 0 =*/72).int64(m.issuedAtMs);
                if (m.listExpiresAtMs != null && $Object.hasOwnProperty.call(m, "listExpiresAtMs") && (typeof m.listExpiresAtMs === "object" ? m.listExpiresAtMs.low || m.listExpiresAtMs.high : m.listExpiresAtMs !== 0))
                    w.uint32(/* id 10, wireType 0 =*/80).int64(m.listExpiresAtMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified HotlistUpdate message, length delimited. Does not implicitly {@link alpr.v1.HotlistUpdate.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.HotlistUpdate
             * @static
             * @param {alpr.v1.HotlistUpdate.$Properties} message HotlistUpdate message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HotlistUpdate.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a HotlistUpdate message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.HotlistUpdate
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.HotlistUpdate & alpr.v1.HotlistUpdate.$Shape} HotlistUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HotlistUpdate.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.HotlistUpdate();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.version = v;
                            else
                                delete m.version;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.baseVersion = v;
                            else
                                delete m.baseVersion;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.snapshot = v;
                            else
                                delete m.snapshot;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.part = v;
                            else
                                delete m.part;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.parts = v;
                            else
                                delete m.parts;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if (!(m.upserts && m.upserts.length))
                                m.upserts = [];
                            m.upserts.push($root.alpr.v1.HotlistEntry.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if (!(m.removedEntryIds && m.removedEntryIds.length))
                                m.removedEntryIds = [];
                            m.removedEntryIds.push(r.stringVerify());
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.issuedAtMs = v;
                            else
                                delete m.issuedAtMs;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.listExpiresAtMs = v;
                            else
                                delete m.listExpiresAtMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a HotlistUpdate message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.HotlistUpdate
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.HotlistUpdate & alpr.v1.HotlistUpdate.$Shape} HotlistUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HotlistUpdate.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a HotlistUpdate message.
             * @function verify
             * @memberof alpr.v1.HotlistUpdate
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            HotlistUpdate.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    if (!$util.isString(m.deviceId))
                        return "deviceId: string expected";
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    if (!$util.isInteger(m.version) && !(m.version && $util.isInteger(m.version.low) && $util.isInteger(m.version.high)))
                        return "version: integer|Long expected";
                }
                if (m.baseVersion != null && $Object.hasOwnProperty.call(m, "baseVersion")) {
                    if (!$util.isInteger(m.baseVersion) && !(m.baseVersion && $util.isInteger(m.baseVersion.low) && $util.isInteger(m.baseVersion.high)))
                        return "baseVersion: integer|Long expected";
                }
                if (m.snapshot != null && $Object.hasOwnProperty.call(m, "snapshot")) {
                    if (typeof m.snapshot !== "boolean")
                        return "snapshot: boolean expected";
                }
                if (m.part != null && $Object.hasOwnProperty.call(m, "part")) {
                    if (!$util.isInteger(m.part))
                        return "part: integer expected";
                }
                if (m.parts != null && $Object.hasOwnProperty.call(m, "parts")) {
                    if (!$util.isInteger(m.parts))
                        return "parts: integer expected";
                }
                if (m.upserts != null && $Object.hasOwnProperty.call(m, "upserts")) {
                    if (!$Array.isArray(m.upserts))
                        return "upserts: array expected";
                    for (var i = 0; i < m.upserts.length; ++i) {
                        {
                            var e = $root.alpr.v1.HotlistEntry.verify(m.upserts[i], q + 1);
                            if (e)
                                return "upserts." + e;
                        }
                    }
                }
                if (m.removedEntryIds != null && $Object.hasOwnProperty.call(m, "removedEntryIds")) {
                    if (!$Array.isArray(m.removedEntryIds))
                        return "removedEntryIds: array expected";
                    for (var i = 0; i < m.removedEntryIds.length; ++i) {
                        if (!$util.isString(m.removedEntryIds[i]))
                            return "removedEntryIds: string[] expected";
                    }
                }
                if (m.issuedAtMs != null && $Object.hasOwnProperty.call(m, "issuedAtMs")) {
                    if (!$util.isInteger(m.issuedAtMs) && !(m.issuedAtMs && $util.isInteger(m.issuedAtMs.low) && $util.isInteger(m.issuedAtMs.high)))
                        return "issuedAtMs: integer|Long expected";
                }
                if (m.listExpiresAtMs != null && $Object.hasOwnProperty.call(m, "listExpiresAtMs")) {
                    if (!$util.isInteger(m.listExpiresAtMs) && !(m.listExpiresAtMs && $util.isInteger(m.listExpiresAtMs.low) && $util.isInteger(m.listExpiresAtMs.high)))
                        return "listExpiresAtMs: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a HotlistUpdate message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.HotlistUpdate
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.HotlistUpdate} HotlistUpdate
             */
            HotlistUpdate.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.HotlistUpdate)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.HotlistUpdate: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.HotlistUpdate();
                if (d.deviceId != null) {
                    if (typeof d.deviceId !== "string" || d.deviceId.length) {
                        m.deviceId = $String(d.deviceId);
                    }
                }
                if (d.version != null) {
                    if (typeof d.version === "object" ? d.version.low || d.version.high : $Number(d.version) !== 0) {
                        if ($util.Long)
                            m.version = $util.Long.fromValue(d.version, true);
                        else if (typeof d.version === "string")
                            m.version = $parseInt(d.version, 10);
                        else if (typeof d.version === "number")
                            m.version = d.version;
                        else if (typeof d.version === "object")
                            m.version = new $util.LongBits(d.version.low >>> 0, d.version.high >>> 0).toNumber(true);
                    }
                }
                if (d.baseVersion != null) {
                    if (typeof d.baseVersion === "object" ? d.baseVersion.low || d.baseVersion.high : $Number(d.baseVersion) !== 0) {
                        if ($util.Long)
                            m.baseVersion = $util.Long.fromValue(d.baseVersion, true);
                        else if (typeof d.baseVersion === "string")
                            m.baseVersion = $parseInt(d.baseVersion, 10);
                        else if (typeof d.baseVersion === "number")
                            m.baseVersion = d.baseVersion;
                        else if (typeof d.baseVersion === "object")
                            m.baseVersion = new $util.LongBits(d.baseVersion.low >>> 0, d.baseVersion.high >>> 0).toNumber(true);
                    }
                }
                if (d.snapshot != null) {
                    if (d.snapshot) {
                        m.snapshot = $Boolean(d.snapshot);
                    }
                }
                if (d.part != null) {
                    if ($Number(d.part) !== 0) {
                        m.part = d.part >>> 0;
                    }
                }
                if (d.parts != null) {
                    if ($Number(d.parts) !== 0) {
                        m.parts = d.parts >>> 0;
                    }
                }
                if (d.upserts) {
                    if (!$Array.isArray(d.upserts))
                        throw $TypeError(".alpr.v1.HotlistUpdate.upserts: array expected");
                    m.upserts = $Array(d.upserts.length);
                    for (var i = 0; i < d.upserts.length; ++i) {
                        if (!$util.isObject(d.upserts[i]))
                            throw $TypeError(".alpr.v1.HotlistUpdate.upserts: object expected");
                        m.upserts[i] = $root.alpr.v1.HotlistEntry.fromObject(d.upserts[i], q + 1);
                    }
                }
                if (d.removedEntryIds) {
                    if (!$Array.isArray(d.removedEntryIds))
                        throw $TypeError(".alpr.v1.HotlistUpdate.removedEntryIds: array expected");
                    m.removedEntryIds = $Array(d.removedEntryIds.length);
                    for (var i = 0; i < d.removedEntryIds.length; ++i) {
                        m.removedEntryIds[i] = $String(d.removedEntryIds[i]);
                    }
                }
                if (d.issuedAtMs != null) {
                    if (typeof d.issuedAtMs === "object" ? d.issuedAtMs.low || d.issuedAtMs.high : $Number(d.issuedAtMs) !== 0) {
                        if ($util.Long)
                            m.issuedAtMs = $util.Long.fromValue(d.issuedAtMs, false);
                        else if (typeof d.issuedAtMs === "string")
                            m.issuedAtMs = $parseInt(d.issuedAtMs, 10);
                        else if (typeof d.issuedAtMs === "number")
                            m.issuedAtMs = d.issuedAtMs;
                        else if (typeof d.issuedAtMs === "object")
                            m.issuedAtMs = new $util.LongBits(d.issuedAtMs.low >>> 0, d.issuedAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.listExpiresAtMs != null) {
                    if (typeof d.listExpiresAtMs === "object" ? d.listExpiresAtMs.low || d.listExpiresAtMs.high : $Number(d.listExpiresAtMs) !== 0) {
                        if ($util.Long)
                            m.listExpiresAtMs = $util.Long.fromValue(d.listExpiresAtMs, false);
                        else if (typeof d.listExpiresAtMs === "string")
                            m.listExpiresAtMs = $parseInt(d.listExpiresAtMs, 10);
                        else if (typeof d.listExpiresAtMs === "number")
                            m.listExpiresAtMs = d.listExpiresAtMs;
                        else if (typeof d.listExpiresAtMs === "object")
                            m.listExpiresAtMs = new $util.LongBits(d.listExpiresAtMs.low >>> 0, d.listExpiresAtMs.high >>> 0).toNumber();
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a HotlistUpdate message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.HotlistUpdate
             * @static
             * @param {alpr.v1.HotlistUpdate} m HotlistUpdate
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HotlistUpdate.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.upserts = [];
                    d.removedEntryIds = [];
                }
                if (o.defaults) {
                    d.deviceId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.version = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.version = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.baseVersion = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.baseVersion = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.snapshot = false;
                    d.part = 0;
                    d.parts = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.issuedAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.issuedAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.listExpiresAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.listExpiresAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.version = typeof m.version === "number" ? $BigInt(m.version) : $util.Long.fromBits(m.version.low >>> 0, m.version.high >>> 0, true).toBigInt();
                    else if (typeof m.version === "number")
                        d.version = o.longs === $String ? $String(m.version) : m.version;
                    else
                        d.version = o.longs === $String ? $util.Long.prototype.toString.call(m.version) : o.longs === $Number ? new $util.LongBits(m.version.low >>> 0, m.version.high >>> 0).toNumber(true) : m.version;
                }
                if (m.baseVersion != null && $Object.hasOwnProperty.call(m, "baseVersion")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.baseVersion = typeof m.baseVersion === "number" ? $BigInt(m.baseVersion) : $util.Long.fromBits(m.baseVersion.low >>> 0, m.baseVersion.high >>> 0, true).toBigInt();
                    else if (typeof m.baseVersion === "number")
                        d.baseVersion = o.longs === $String ? $String(m.baseVersion) : m.baseVersion;
                    else
                        d.baseVersion = o.longs === $String ? $util.Long.prototype.toString.call(m.baseVersion) : o.longs === $Number ? new $util.LongBits(m.baseVersion.low >>> 0, m.baseVersion.high >>> 0).toNumber(true) : m.baseVersion;
                }
                if (m.snapshot != null && $Object.hasOwnProperty.call(m, "snapshot")) {
                    d.snapshot = m.snapshot;
                }
                if (m.part != null && $Object.hasOwnProperty.call(m, "part")) {
                    d.part = m.part;
                }
                if (m.parts != null && $Object.hasOwnProperty.call(m, "parts")) {
                    d.parts = m.parts;
                }
                if (m.upserts && m.upserts.length) {
                    d.upserts = $Array(m.upserts.length);
                    for (var j = 0; j < m.upserts.length; ++j) {
                        d.upserts[j] = $root.alpr.v1.HotlistEntry.toObject(m.upserts[j], o, q + 1);
                    }
                }
                if (m.removedEntryIds && m.removedEntryIds.length) {
                    d.removedEntryIds = $Array(m.removedEntryIds.length);
                    for (var j = 0; j < m.removedEntryIds.length; ++j) {
                        d.removedEntryIds[j] = m.removedEntryIds[j];
                    }
                }
                if (m.issuedAtMs != null && $Object.hasOwnProperty.call(m, "issuedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.issuedAtMs = typeof m.issuedAtMs === "number" ? $BigInt(m.issuedAtMs) : $util.Long.fromBits(m.issuedAtMs.low >>> 0, m.issuedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.issuedAtMs === "number")
                        d.issuedAtMs = o.longs === $String ? $String(m.issuedAtMs) : m.issuedAtMs;
                    else
                        d.issuedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.issuedAtMs) : o.longs === $Number ? new $util.LongBits(m.issuedAtMs.low >>> 0, m.issuedAtMs.high >>> 0).toNumber() : m.issuedAtMs;
                }
                if (m.listExpiresAtMs != null && $Object.hasOwnProperty.call(m, "listExpiresAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.listExpiresAtMs = typeof m.listExpiresAtMs === "number" ? $BigInt(m.listExpiresAtMs) : $util.Long.fromBits(m.listExpiresAtMs.low >>> 0, m.listExpiresAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.listExpiresAtMs === "number")
                        d.listExpiresAtMs = o.longs === $String ? $String(m.listExpiresAtMs) : m.listExpiresAtMs;
                    else
                        d.listExpiresAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.listExpiresAtMs) : o.longs === $Number ? new $util.LongBits(m.listExpiresAtMs.low >>> 0, m.listExpiresAtMs.high >>> 0).toNumber() : m.listExpiresAtMs;
                }
                return d;
            };

            /**
             * Converts this HotlistUpdate to JSON.
             * @function toJSON
             * @memberof alpr.v1.HotlistUpdate
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HotlistUpdate.prototype.toJSON = function() {
                return HotlistUpdate.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for HotlistUpdate
             * @function getTypeUrl
             * @memberof alpr.v1.HotlistUpdate
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            HotlistUpdate.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.HotlistUpdate";
            };

            return HotlistUpdate;
        })();

        v1.HotlistUpdateFrame = (function() {

            /**
             * Properties of a HotlistUpdateFrame.
             * @typedef {Object} alpr.v1.HotlistUpdateFrame.$Properties
             * @property {string|null} [deviceId] HotlistUpdateFrame deviceId
             * @property {number|null} [version] HotlistUpdateFrame version
             * @property {number|null} [baseVersion] HotlistUpdateFrame baseVersion
             * @property {boolean|null} [snapshot] HotlistUpdateFrame snapshot
             * @property {number|null} [part] HotlistUpdateFrame part
             * @property {number|null} [parts] HotlistUpdateFrame parts
             * @property {Array.<Uint8Array>|null} [upserts] HotlistUpdateFrame upserts
             * @property {Array.<string>|null} [removedEntryIds] HotlistUpdateFrame removedEntryIds
             * @property {number|null} [issuedAtMs] HotlistUpdateFrame issuedAtMs
             * @property {number|null} [listExpiresAtMs] HotlistUpdateFrame listExpiresAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HotlistUpdateFrame.
             * @memberof alpr.v1
             * @interface IHotlistUpdateFrame
             * @augments alpr.v1.HotlistUpdateFrame.$Properties
             * @deprecated Use alpr.v1.HotlistUpdateFrame.$Properties instead.
             */

            /**
             * Shape of a HotlistUpdateFrame.
             * @typedef {alpr.v1.HotlistUpdateFrame.$Properties} alpr.v1.HotlistUpdateFrame.$Shape
             */

            /**
             * Constructs a new HotlistUpdateFrame.
             * @memberof alpr.v1
             * @classdesc Represents a HotlistUpdateFrame.
             * @constructor
             * @param {alpr.v1.HotlistUpdateFrame.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HotlistUpdateFrame = function (p) {
                this.upserts = [];
                this.removedEntryIds = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * HotlistUpdateFrame deviceId.
             * @member {string} deviceId
             * @memberof alpr.v1.HotlistUpdateFrame
             * @instance
             */
            HotlistUpdateFrame.prototype.deviceId = "";

            /**
             * HotlistUpdateFrame version.
             * @member {number} version
             * @memberof alpr.v1.HotlistUpdateFrame
             * @instance
             */
            HotlistUpdateFrame.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HotlistUpdateFrame baseVersion.
             * @member {number} baseVersion
             * @memberof alpr.v1.HotlistUpdateFrame
             * @instance
             */
            HotlistUpdateFrame.prototype.baseVersion = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HotlistUpdateFrame snapshot.
             * @member {boolean} snapshot
             * @memberof alpr.v1.HotlistUpdateFrame
             * @instance
             */
            HotlistUpdateFrame.prototype.snapshot = false;

            /**
             * HotlistUpdateFrame part.
             * @member {number} part
             * @memberof alpr.v1.HotlistUpdateFrame
             * @instance
             */
            HotlistUpdateFrame.prototype.part = 0;

            /**
             * HotlistUpdateFrame parts.
             * @member {number} parts
             * @memberof alpr.v1.HotlistUpdateFrame
             * @instance
             */
            HotlistUpdateFrame.prototype.parts = 0;

            /**
             * HotlistUpdateFrame upserts.
             * @member {Array.<Uint8Array>} upserts
             * @memberof alpr.v1.HotlistUpdateFrame
             * @instance
             */
            HotlistUpdateFrame.prototype.upserts = $util.emptyArray;

            /**
             * HotlistUpdateFrame removedEntryIds.
             * @member {Array.<string>} removedEntryIds
             * @memberof alpr.v1.HotlistUpdateFrame
             * @instance
             */
            HotlistUpdateFrame.prototype.removedEntryIds = $util.emptyArray;

            /**
             * HotlistUpdateFrame issuedAtMs.
             * @member {number} issuedAtMs
             * @memberof alpr.v1.HotlistUpdateFrame
             * @instance
             */
            HotlistUpdateFrame.prototype.issuedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * HotlistUpdateFrame listExpiresAtMs.
             * @member {number} listExpiresAtMs
             * @memberof alpr.v1.HotlistUpdateFrame
             * @instance
             */
            HotlistUpdateFrame.prototype.listExpiresAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new HotlistUpdateFrame instance using the specified properties.
             * @function create
             * @memberof alpr.v1.HotlistUpdateFrame
             * @static
             * @param {alpr.v1.HotlistUpdateFrame.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.HotlistUpdateFrame} HotlistUpdateFrame instance
             * @type {{
             *   (properties: alpr.v1.HotlistUpdateFrame.$Shape): alpr.v1.HotlistUpdateFrame & alpr.v1.HotlistUpdateFrame.$Shape;
             *   (properties?: alpr.v1.HotlistUpdateFrame.$Properties): alpr.v1.HotlistUpdateFrame;
             * }}
             */
            HotlistUpdateFrame.create = function(properties) {
                return new HotlistUpdateFrame(properties);
            };

            /**
             * Encodes the specified HotlistUpdateFrame message. Does not implicitly {@link alpr.v1.HotlistUpdateFrame.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.HotlistUpdateFrame
             * @static
             * @param {alpr.v1.HotlistUpdateFrame.$Properties} m HotlistUpdateFrame message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HotlistUpdateFrame.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deviceId);
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && (typeof m.version === "object" ? m.version.low || m.version.high : m.version !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.version);
                if (m.baseVersion != null && $Object.hasOwnProperty.call(m, "baseVersion") && (typeof m.baseVersion === "object" ? m.baseVersion.low || m.baseVersion.high : m.baseVersion !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.baseVersion);
                if (m.snapshot != null && $Object.hasOwnProperty.call(m, "snapshot") && m.snapshot !== false)
                    w.uint32(/* id 4, wireType 0 =*/32).bool(m.snapshot);
                if (m.part != null && $Object.hasOwnProperty.call(m, "part") && m.part !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).uint32(m.part);
                if (m.parts != null && $Object.hasOwnProperty.call(m, "parts") && m.parts !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).uint32(m.parts);
                if (m.upserts != null && m.upserts.length) {
                    for (var i = 0; i < m.upserts.length; ++i)
                        w.uint32(/* id 7, wireType 2 =*/58).bytes(m.upserts[i]);
                }
                if (m.removedEntryIds != null && m.removedEntryIds.length) {
                    for (var i = 0; i < m.removedEntryIds.length; ++i)
                        w.uint32(/* id 8, wireType 2 =*/66).string(m.removedEntryIds[i]);
                }
                if (m.issuedAtMs != null && $Object.hasOwnProperty.call(m, "issuedAtMs") && (typeof m.issuedAtMs === "object" ? m.issuedAtMs.low || m.issuedAtMs.high : m.issuedAtMs !== 0))
                    w.uint32(/* id 9, wireType 0 =*/72).int64(m.issuedAtMs);
                if (m.listExpiresAtMs != null && $Object.hasOwnProperty.call(m, "listExpiresAtMs") && (typeof m.listExpiresAtMs === "object" ? m.listExpiresAtMs.low || m.listExpiresAtMs.high : m.listExpiresAtMs !== 0))
                    w.uint32(/* id 10, wireType 0 =*/80).int64(m.listExpiresAtMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified HotlistUpdateFrame message, length delimited. Does not implicitly {@link alpr.v1.HotlistUpdateFrame.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.HotlistUpdateFrame
             * @static
             * @param {alpr.v1.HotlistUpdateFrame.$Properties} message HotlistUpdateFrame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HotlistUpdateFrame.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a HotlistUpdateFrame message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.HotlistUpdateFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.HotlistUpdateFrame & alpr.v1.HotlistUpdateFrame.$Shape} HotlistUpdateFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HotlistUpdateFrame.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.HotlistUpdateFrame();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.version = v;
                            else
                                delete m.version;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.baseVersion = v;
                            else
                                delete m.baseVersion;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.snapshot = v;
                            else
                                delete m.snapshot;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.part = v;
                            else
                                delete m.part;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.parts = v;
                            else
                                delete m.parts;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if (!(m.upserts && m.upserts.length))
                                m.upserts = [];
                            m.upserts.push(r.bytes());
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if (!(m.removedEntryIds && m.removedEntryIds.length))
                                m.removedEntryIds = [];
                            m.removedEntryIds.push(r.stringVerify());
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.issuedAtMs = v;
                            else
                                delete m.issuedAtMs;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.listExpiresAtMs = v;
                            else
                                delete m.listExpiresAtMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a HotlistUpdateFrame message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.HotlistUpdateFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.HotlistUpdateFrame & alpr.v1.HotlistUpdateFrame.$Shape} HotlistUpdateFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HotlistUpdateFrame.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a HotlistUpdateFrame message.
             * @function verify
             * @memberof alpr.v1.HotlistUpdateFrame
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            HotlistUpdateFrame.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    if (!$util.isString(m.deviceId))
                        return "deviceId: string expected";
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    if (!$util.isInteger(m.version) && !(m.version && $util.isInteger(m.version.low) && $util.isInteger(m.version.high)))
                        return "version: integer|Long expected";
                }
                if (m.baseVersion != null && $Object.hasOwnProperty.call(m, "baseVersion")) {
                    if (!$util.isInteger(m.baseVersion) && !(m.baseVersion && $util.isInteger(m.baseVersion.low) && $util.isInteger(m.baseVersion.high)))
                        return "baseVersion: integer|Long expected";
                }
                if (m.snapshot != null && $Object.hasOwnProperty.call(m, "snapshot")) {
                    if (typeof m.snapshot !== "boolean")
                        return "snapshot: boolean expected";
                }
                if (m.part != null && $Object.hasOwnProperty.call(m, "part")) {
                    if (!$util.isInteger(m.part))
                        return "part: integer expected";
                }
                if (m.parts != null && $Object.hasOwnProperty.call(m, "parts")) {
                    if (!$util.isInteger(m.parts))
                        return "parts: integer expected";
                }
                if (m.upserts != null && $Object.hasOwnProperty.call(m, "upserts")) {
                    if (!$Array.isArray(m.upserts))
                        return "upserts: array expected";
                    for (var i = 0; i < m.upserts.length; ++i) {
                        if (!(m.upserts[i] && typeof m.upserts[i].length === "number" || $util.isString(m.upserts[i])))
                            return "upserts: buffer[] expected";
                    }
                }
                if (m.removedEntryIds != null && $Object.hasOwnProperty.call(m, "removedEntryIds")) {
                    if (!$Array.isArray(m.removedEntryIds))
                        return "removedEntryIds: array expected";
                    for (var i = 0; i < m.removedEntryIds.length; ++i) {
                        if (!$util.isString(m.removedEntryIds[i]))
                            return "removedEntryIds: string[] expected";
                    }
                }
                if (m.issuedAtMs != null && $Object.hasOwnProperty.call(m, "issuedAtMs")) {
                    if (!$util.isInteger(m.issuedAtMs) && !(m.issuedAtMs && $util.isInteger(m.issuedAtMs.low) && $util.isInteger(m.issuedAtMs.high)))
                        return "issuedAtMs: integer|Long expected";
                }
                if (m.listExpiresAtMs != null && $Object.hasOwnProperty.call(m, "listExpiresAtMs")) {
                    if (!$util.isInteger(m.listExpiresAtMs) && !(m.listExpiresAtMs && $util.isInteger(m.listExpiresAtMs.low) && $util.isInteger(m.listExpiresAtMs.high)))
                        return "listExpiresAtMs: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a HotlistUpdateFrame message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.HotlistUpdateFrame
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.HotlistUpdateFrame} HotlistUpdateFrame
             */
            HotlistUpdateFrame.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.HotlistUpdateFrame)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.HotlistUpdateFrame: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.HotlistUpdateFrame();
                if (d.deviceId != null) {
                    if (typeof d.deviceId !== "string" || d.deviceId.length) {
                        m.deviceId = $String(d.deviceId);
                    }
                }
                if (d.version != null) {
                    if (typeof d.version === "object" ? d.version.low || d.version.high : $Number(d.version) !== 0) {
                        if ($util.Long)
                            m.version = $util.Long.fromValue(d.version, true);
                        else if (typeof d.version === "string")
                            m.version = $parseInt(d.version, 10);
                        else if (typeof d.version === "number")
                            m.version = d.version;
                        else if (typeof d.version === "object")
                            m.version = new $util.LongBits(d.version.low >>> 0, d.version.high >>> 0).toNumber(true);
                    }
                }
                if (d.baseVersion != null) {
                    if (typeof d.baseVersion === "object" ? d.baseVersion.low || d.baseVersion.high : $Number(d.baseVersion) !== 0) {
                        if ($util.Long)
                            m.baseVersion = $util.Long.fromValue(d.baseVersion, true);
                        else if (typeof d.baseVersion === "string")
                            m.baseVersion = $parseInt(d.baseVersion, 10);
                        else if (typeof d.baseVersion === "number")
                            m.baseVersion = d.baseVersion;
                        else if (typeof d.baseVersion === "object")
                            m.baseVersion = new $util.LongBits(d.baseVersion.low >>> 0, d.baseVersion.high >>> 0).toNumber(true);
                    }
                }
                if (d.snapshot != null) {
                    if (d.snapshot) {
                        m.snapshot = $Boolean(d.snapshot);
                    }
                }
                if (d.part != null) {
                    if ($Number(d.part) !== 0) {
                        m.part = d.part >>> 0;
                    }
                }
                if (d.parts != null) {
                    if ($Number(d.parts) !== 0) {
                        m.parts = d.parts >>> 0;
                    }
                }
                if (d.upserts) {
                    if (!$Array.isArray(d.upserts))
                        throw $TypeError(".alpr.v1.HotlistUpdateFrame.upserts: array expected");
                    m.upserts = $Array(d.upserts.length);
                    for (var i = 0; i < d.upserts.length; ++i) {
                        if (typeof d.upserts[i] === "string")
                            $util.base64.decode(d.upserts[i], m.upserts[i] = $util.newBuffer($util.base64.length(d.upserts[i])), 0);
                        else if (d.upserts[i].length >= 0)
                            m.upserts[i] = d.upserts[i];
                    }
                }
                if (d.removedEntryIds) {
                    if (!$Array.isArray(d.removedEntryIds))
                        throw $TypeError(".alpr.v1.HotlistUpdateFrame.removedEntryIds: array expected");
                    m.removedEntryIds = $Array(d.removedEntryIds.length);
                    for (var i = 0; i < d.removedEntryIds.length; ++i) {
                        m.removedEntryIds[i] = $String(d.removedEntryIds[i]);
                    }
                }
                if (d.issuedAtMs != null) {
                    if (typeof d.issuedAtMs === "object" ? d.issuedAtMs.low || d.issuedAtMs.high : $Number(d.issuedAtMs) !== 0) {
                        if ($util.Long)
                            m.issuedAtMs = $util.Long.fromValue(d.issuedAtMs, false);
                        else if (typeof d.issuedAtMs === "string")
                            m.issuedAtMs = $parseInt(d.issuedAtMs, 10);
                        else if (typeof d.issuedAtMs === "number")
                            m.issuedAtMs = d.issuedAtMs;
                        else if (typeof d.issuedAtMs === "object")
                            m.issuedAtMs = new $util.LongBits(d.issuedAtMs.low >>> 0, d.issuedAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.listExpiresAtMs != null) {
                    if (typeof d.listExpiresAtMs === "object" ? d.listExpiresAtMs.low || d.listExpiresAtMs.high : $Number(d.listExpiresAtMs) !== 0) {
                        if ($util.Long)
                            m.listExpiresAtMs = $util.Long.fromValue(d.listExpiresAtMs, false);
                        else if (typeof d.listExpiresAtMs === "string")
                            m.listExpiresAtMs = $parseInt(d.listExpiresAtMs, 10);
                        else if (typeof d.listExpiresAtMs === "number")
                            m.listExpiresAtMs = d.listExpiresAtMs;
                        else if (typeof d.listExpiresAtMs === "object")
                            m.listExpiresAtMs = new $util.LongBits(d.listExpiresAtMs.low >>> 0, d.listExpiresAtMs.high >>> 0).toNumber();
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a HotlistUpdateFrame message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.HotlistUpdateFrame
             * @static
             * @param {alpr.v1.HotlistUpdateFrame} m HotlistUpdateFrame
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HotlistUpdateFrame.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.upserts = [];
                    d.removedEntryIds = [];
                }
                if (o.defaults) {
                    d.deviceId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.version = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.version = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.baseVersion = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.baseVersion = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.snapshot = false;
                    d.part = 0;
                    d.parts = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.issuedAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.issuedAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.listExpiresAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.listExpiresAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.version != null && $Object.hasOwnProperty.call(m, "version")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.version = typeof m.version === "number" ? $BigInt(m.version) : $util.Long.fromBits(m.version.low >>> 0, m.version.high >>> 0, true).toBigInt();
                    else if (typeof m.version === "number")
                        d.version = o.longs === $String ? $String(m.version) : m.version;
                    else
                        d.version = o.longs === $String ? $util.Long.prototype.toString.call(m.version) : o.longs === $Number ? new $util.LongBits(m.version.low >>> 0, m.version.high >>> 0).toNumber(true) : m.version;
                }
                if (m.baseVersion != null && $Object.hasOwnProperty.call(m, "baseVersion")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.baseVersion = typeof m.baseVersion === "number" ? $BigInt(m.baseVersion) : $util.Long.fromBits(m.baseVersion.low >>> 0, m.baseVersion.high >>> 0, true).toBigInt();
                    else if (typeof m.baseVersion === "number")
                        d.baseVersion = o.longs === $String ? $String(m.baseVersion) : m.baseVersion;
                    else
                        d.baseVersion = o.longs === $String ? $util.Long.prototype.toString.call(m.baseVersion) : o.longs === $Number ? new $util.LongBits(m.baseVersion.low >>> 0, m.baseVersion.high >>> 0).toNumber(true) : m.baseVersion;
                }
                if (m.snapshot != null && $Object.hasOwnProperty.call(m, "snapshot")) {
                    d.snapshot = m.snapshot;
                }
                if (m.part != null && $Object.hasOwnProperty.call(m, "part")) {
                    d.part = m.part;
                }
                if (m.parts != null && $Object.hasOwnProperty.call(m, "parts")) {
                    d.parts = m.parts;
                }
                if (m.upserts && m.upserts.length) {
                    d.upserts = $Array(m.upserts.length);
                    for (var j = 0; j < m.upserts.length; ++j) {
                        d.upserts[j] = o.bytes === $String ? $util.base64.encode(m.upserts[j], 0, m.upserts[j].length) : o.bytes === $Array ? $Array.prototype.slice.call(m.upserts[j]) : m.upserts[j];
                    }
                }
                if (m.removedEntryIds && m.removedEntryIds.length) {
                    d.removedEntryIds = $Array(m.removedEntryIds.length);
                    for (var j = 0; j < m.removedEntryIds.length; ++j) {
                        d.removedEntryIds[j] = m.removedEntryIds[j];
                    }
                }
                if (m.issuedAtMs != null && $Object.hasOwnProperty.call(m, "issuedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.issuedAtMs = typeof m.issuedAtMs === "number" ? $BigInt(m.issuedAtMs) : $util.Long.fromBits(m.issuedAtMs.low >>> 0, m.issuedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.issuedAtMs === "number")
                        d.issuedAtMs = o.longs === $String ? $String(m.issuedAtMs) : m.issuedAtMs;
                    else
                        d.issuedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.issuedAtMs) : o.longs === $Number ? new $util.LongBits(m.issuedAtMs.low >>> 0, m.issuedAtMs.high >>> 0).toNumber() : m.issuedAtMs;
                }
                if (m.listExpiresAtMs != null && $Object.hasOwnProperty.call(m, "listExpiresAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.listExpiresAtMs = typeof m.listExpiresAtMs === "number" ? $BigInt(m.listExpiresAtMs) : $util.Long.fromBits(m.listExpiresAtMs.low >>> 0, m.listExpiresAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.listExpiresAtMs === "number")
                        d.listExpiresAtMs = o.longs === $String ? $String(m.listExpiresAtMs) : m.listExpiresAtMs;
                    else
                        d.listExpiresAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.listExpiresAtMs) : o.longs === $Number ? new $util.LongBits(m.listExpiresAtMs.low >>> 0, m.listExpiresAtMs.high >>> 0).toNumber() : m.listExpiresAtMs;
                }
                return d;
            };

            /**
             * Converts this HotlistUpdateFrame to JSON.
             * @function toJSON
             * @memberof alpr.v1.HotlistUpdateFrame
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HotlistUpdateFrame.prototype.toJSON = function() {
                return HotlistUpdateFrame.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for HotlistUpdateFrame
             * @function getTypeUrl
             * @memberof alpr.v1.HotlistUpdateFrame
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            HotlistUpdateFrame.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.HotlistUpdateFrame";
            };

            return HotlistUpdateFrame;
        })();

        v1.SignedHotlistUpdate = (function() {

            /**
             * Properties of a SignedHotlistUpdate.
             * @typedef {Object} alpr.v1.SignedHotlistUpdate.$Properties
             * @property {Uint8Array|null} [update] SignedHotlistUpdate update
             * @property {Uint8Array|null} [signature] SignedHotlistUpdate signature
             * @property {Uint8Array|null} [labelledSignature] SignedHotlistUpdate labelledSignature
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SignedHotlistUpdate.
             * @memberof alpr.v1
             * @interface ISignedHotlistUpdate
             * @augments alpr.v1.SignedHotlistUpdate.$Properties
             * @deprecated Use alpr.v1.SignedHotlistUpdate.$Properties instead.
             */

            /**
             * Shape of a SignedHotlistUpdate.
             * @typedef {alpr.v1.SignedHotlistUpdate.$Properties} alpr.v1.SignedHotlistUpdate.$Shape
             */

            /**
             * Constructs a new SignedHotlistUpdate.
             * @memberof alpr.v1
             * @classdesc Represents a SignedHotlistUpdate.
             * @constructor
             * @param {alpr.v1.SignedHotlistUpdate.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SignedHotlistUpdate = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SignedHotlistUpdate update.
             * @member {Uint8Array} update
             * @memberof alpr.v1.SignedHotlistUpdate
             * @instance
             */
            SignedHotlistUpdate.prototype.update = $util.newBuffer([]);

            /**
             * SignedHotlistUpdate signature.
             * @member {Uint8Array} signature
             * @memberof alpr.v1.SignedHotlistUpdate
             * @instance
             */
            SignedHotlistUpdate.prototype.signature = $util.newBuffer([]);

            /**
             * SignedHotlistUpdate labelledSignature.
             * @member {Uint8Array} labelledSignature
             * @memberof alpr.v1.SignedHotlistUpdate
             * @instance
             */
            SignedHotlistUpdate.prototype.labelledSignature = $util.newBuffer([]);

            /**
             * Creates a new SignedHotlistUpdate instance using the specified properties.
             * @function create
             * @memberof alpr.v1.SignedHotlistUpdate
             * @static
             * @param {alpr.v1.SignedHotlistUpdate.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.SignedHotlistUpdate} SignedHotlistUpdate instance
             * @type {{
             *   (properties: alpr.v1.SignedHotlistUpdate.$Shape): alpr.v1.SignedHotlistUpdate & alpr.v1.SignedHotlistUpdate.$Shape;
             *   (properties?: alpr.v1.SignedHotlistUpdate.$Properties): alpr.v1.SignedHotlistUpdate;
             * }}
             */
            SignedHotlistUpdate.create = function(properties) {
                return new SignedHotlistUpdate(properties);
            };

            /**
             * Encodes the specified SignedHotlistUpdate message. Does not implicitly {@link alpr.v1.SignedHotlistUpdate.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.SignedHotlistUpdate
             * @static
             * @param {alpr.v1.SignedHotlistUpdate.$Properties} m SignedHotlistUpdate message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignedHotlistUpdate.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.update != null && $Object.hasOwnProperty.call(m, "update") && m.update.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.update);
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.signature);
                if (m.labelledSignature != null && $Object.hasOwnProperty.call(m, "labelledSignature") && m.labelledSignature.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.labelledSignature);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified SignedHotlistUpdate message, length delimited. Does not implicitly {@link alpr.v1.SignedHotlistUpdate.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.SignedHotlistUpdate
             * @static
             * @param {alpr.v1.SignedHotlistUpdate.$Properties} message SignedHotlistUpdate message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignedHotlistUpdate.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SignedHotlistUpdate message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.SignedHotlistUpdate
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.SignedHotlistUpdate & alpr.v1.SignedHotlistUpdate.$Shape} SignedHotlistUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignedHotlistUpdate.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.SignedHotlistUpdate();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.update = v;
                            else
                                delete m.update;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.labelledSignature = v;
                            else
                                delete m.labelledSignature;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a SignedHotlistUpdate message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.SignedHotlistUpdate
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.SignedHotlistUpdate & alpr.v1.SignedHotlistUpdate.$Shape} SignedHotlistUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignedHotlistUpdate.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SignedHotlistUpdate message.
             * @function verify
             * @memberof alpr.v1.SignedHotlistUpdate
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SignedHotlistUpdate.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.update != null && $Object.hasOwnProperty.call(m, "update")) {
                    if (!(m.update && typeof m.update.length === "number" || $util.isString(m.update)))
                        return "update: buffer expected";
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    if (!(m.signature && typeof m.signature.length === "number" || $util.isString(m.signature)))
                        return "signature: buffer expected";
                }
                if (m.labelledSignature != null && $Object.hasOwnProperty.call(m, "labelledSignature")) {
                    if (!(m.labelledSignature && typeof m.labelledSignature.length === "number" || $util.isString(m.labelledSignature)))
                        return "labelledSignature: buffer expected";
                }
                return null;
            };

            /**
             * Creates a SignedHotlistUpdate message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.SignedHotlistUpdate
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.SignedHotlistUpdate} SignedHotlistUpdate
             */
            SignedHotlistUpdate.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.SignedHotlistUpdate)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.SignedHotlistUpdate: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.SignedHotlistUpdate();
                if (d.update != null) {
                    if (d.update.length) {
                        if (typeof d.update === "string")
                            $util.base64.decode(d.update, m.update = $util.newBuffer($util.base64.length(d.update)), 0);
                        else if (d.update.length >= 0)
                            m.update = d.update;
                    }
                }
                if (d.signature != null) {
                    if (d.signature.length) {
                        if (typeof d.signature === "string")
                            $util.base64.decode(d.signature, m.signature = $util.newBuffer($util.base64.length(d.signature)), 0);
                        else if (d.signature.length >= 0)
                            m.signature = d.signature;
                    }
                }
                if (d.labelledSignature != null) {
                    if (d.labelledSignature.length) {
                        if (typeof d.labelledSignature === "string")
                            $util.base64.decode(d.labelledSignature, m.labelledSignature = $util.newBuffer($util.base64.length(d.labelledSignature)), 0);
                        else if (d.labelledSignature.length >= 0)
                            m.labelledSignature = d.labelledSignature;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a SignedHotlistUpdate message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.SignedHotlistUpdate
             * @static
             * @param {alpr.v1.SignedHotlistUpdate} m SignedHotlistUpdate
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SignedHotlistUpdate.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.update = "";
                    else {
                        d.update = [];
                        if (o.bytes !== $Array)
                            d.update = $util.newBuffer(d.update);
                    }
                    if (o.bytes === $String)
                        d.signature = "";
                    else {
                        d.signature = [];
                        if (o.bytes !== $Array)
                            d.signature = $util.newBuffer(d.signature);
                    }
                    if (o.bytes === $String)
                        d.labelledSignature = "";
                    else {
                        d.labelledSignature = [];
                        if (o.bytes !== $Array)
                            d.labelledSignature = $util.newBuffer(d.labelledSignature);
                    }
                }
                if (m.update != null && $Object.hasOwnProperty.call(m, "update")) {
                    d.update = o.bytes === $String ? $util.base64.encode(m.update, 0, m.update.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.update) : m.update;
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    d.signature = o.bytes === $String ? $util.base64.encode(m.signature, 0, m.signature.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.signature) : m.signature;
                }
                if (m.labelledSignature != null && $Object.hasOwnProperty.call(m, "labelledSignature")) {
                    d.labelledSignature = o.bytes === $String ? $util.base64.encode(m.labelledSignature, 0, m.labelledSignature.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.labelledSignature) : m.labelledSignature;
                }
                return d;
            };

            /**
             * Converts this SignedHotlistUpdate to JSON.
             * @function toJSON
             * @memberof alpr.v1.SignedHotlistUpdate
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SignedHotlistUpdate.prototype.toJSON = function() {
                return SignedHotlistUpdate.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SignedHotlistUpdate
             * @function getTypeUrl
             * @memberof alpr.v1.SignedHotlistUpdate
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SignedHotlistUpdate.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.SignedHotlistUpdate";
            };

            return SignedHotlistUpdate;
        })();

        v1.AlertHit = (function() {

            /**
             * Properties of an AlertHit.
             * @typedef {Object} alpr.v1.AlertHit.$Properties
             * @property {string|null} [deviceId] AlertHit deviceId
             * @property {alpr.v1.Read.$Properties|null} [read] AlertHit read
             * @property {string|null} [entryId] AlertHit entryId
             * @property {boolean|null} [nearMatch] AlertHit nearMatch
             * @property {string|null} [matchedPlate] AlertHit matchedPlate
             * @property {number|null} [hotlistVersion] AlertHit hotlistVersion
             * @property {number|null} [matchedAtMs] AlertHit matchedAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AlertHit.
             * @memberof alpr.v1
             * @interface IAlertHit
             * @augments alpr.v1.AlertHit.$Properties
             * @deprecated Use alpr.v1.AlertHit.$Properties instead.
             */

            /**
             * Shape of an AlertHit.
             * @typedef {alpr.v1.AlertHit.$Properties} alpr.v1.AlertHit.$Shape
             */

            /**
             * Constructs a new AlertHit.
             * @memberof alpr.v1
             * @classdesc Represents an AlertHit.
             * @constructor
             * @param {alpr.v1.AlertHit.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AlertHit = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AlertHit deviceId.
             * @member {string} deviceId
             * @memberof alpr.v1.AlertHit
             * @instance
             */
            AlertHit.prototype.deviceId = "";

            /**
             * AlertHit read.
             * @member {alpr.v1.Read.$Properties|null|undefined} read
             * @memberof alpr.v1.AlertHit
             * @instance
             */
            AlertHit.prototype.read = null;

            /**
             * AlertHit entryId.
             * @member {string} entryId
             * @memberof alpr.v1.AlertHit
             * @instance
             */
            AlertHit.prototype.entryId = "";

            /**
             * AlertHit nearMatch.
             * @member {boolean} nearMatch
             * @memberof alpr.v1.AlertHit
             * @instance
             */
            AlertHit.prototype.nearMatch = false;

            /**
             * AlertHit matchedPlate.
             * @member {string} matchedPlate
             * @memberof alpr.v1.AlertHit
             * @instance
             */
            AlertHit.prototype.matchedPlate = "";

            /**
             * AlertHit hotlistVersion.
             * @member {number} hotlistVersion
             * @memberof alpr.v1.AlertHit
             * @instance
             */
            AlertHit.prototype.hotlistVersion = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * AlertHit matchedAtMs.
             * @member {number} matchedAtMs
             * @memberof alpr.v1.AlertHit
             * @instance
             */
            AlertHit.prototype.matchedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new AlertHit instance using the specified properties.
             * @function create
             * @memberof alpr.v1.AlertHit
             * @static
             * @param {alpr.v1.AlertHit.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.AlertHit} AlertHit instance
             * @type {{
             *   (properties: alpr.v1.AlertHit.$Shape): alpr.v1.AlertHit & alpr.v1.AlertHit.$Shape;
             *   (properties?: alpr.v1.AlertHit.$Properties): alpr.v1.AlertHit;
             * }}
             */
            AlertHit.create = function(properties) {
                return new AlertHit(properties);
            };

            /**
             * Encodes the specified AlertHit message. Does not implicitly {@link alpr.v1.AlertHit.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.AlertHit
             * @static
             * @param {alpr.v1.AlertHit.$Properties} m AlertHit message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AlertHit.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deviceId);
                if (m.read != null && $Object.hasOwnProperty.call(m, "read"))
                    $root.alpr.v1.Read.encode(m.read, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.entryId != null && $Object.hasOwnProperty.call(m, "entryId") && m.entryId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.entryId);
                if (m.nearMatch != null && $Object.hasOwnProperty.call(m, "nearMatch") && m.nearMatch !== false)
                    w.uint32(/* id 4, wireType 0 =*/32).bool(m.nearMatch);
                if (m.matchedPlate != null && $Object.hasOwnProperty.call(m, "matchedPlate") && m.matchedPlate !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.matchedPlate);
                if (m.hotlistVersion != null && $Object.hasOwnProperty.call(m, "hotlistVersion") && (typeof m.hotlistVersion === "object" ? m.hotlistVersion.low || m.hotlistVersion.high : m.hotlistVersion !== 0))
                    w.uint32(/* id 6, wireType 0 =*/48).uint64(m.hotlistVersion);
                if (m.matchedAtMs != null && $Object.hasOwnProperty.call(m, "matchedAtMs") && (typeof m.matchedAtMs === "object" ? m.matchedAtMs.low || m.matchedAtMs.high : m.matchedAtMs !== 0))
                    w.uint32(/* id 7, wireType 0 =*/56).int64(m.matchedAtMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified AlertHit message, length delimited. Does not implicitly {@link alpr.v1.AlertHit.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.AlertHit
             * @static
             * @param {alpr.v1.AlertHit.$Properties} message AlertHit message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AlertHit.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AlertHit message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.AlertHit
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.AlertHit & alpr.v1.AlertHit.$Shape} AlertHit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AlertHit.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.AlertHit();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.read = $root.alpr.v1.Read.decode(r, r.size(), $undefined, q + 1, m.read);
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.entryId = v;
                            else
                                delete m.entryId;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.nearMatch = v;
                            else
                                delete m.nearMatch;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.matchedPlate = v;
                            else
                                delete m.matchedPlate;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.hotlistVersion = v;
                            else
                                delete m.hotlistVersion;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.matchedAtMs = v;
                            else
                                delete m.matchedAtMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an AlertHit message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.AlertHit
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.AlertHit & alpr.v1.AlertHit.$Shape} AlertHit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AlertHit.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an AlertHit message.
             * @function verify
             * @memberof alpr.v1.AlertHit
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AlertHit.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    if (!$util.isString(m.deviceId))
                        return "deviceId: string expected";
                }
                if (m.read != null && $Object.hasOwnProperty.call(m, "read")) {
                    {
                        var e = $root.alpr.v1.Read.verify(m.read, q + 1);
                        if (e)
                            return "read." + e;
                    }
                }
                if (m.entryId != null && $Object.hasOwnProperty.call(m, "entryId")) {
                    if (!$util.isString(m.entryId))
                        return "entryId: string expected";
                }
                if (m.nearMatch != null && $Object.hasOwnProperty.call(m, "nearMatch")) {
                    if (typeof m.nearMatch !== "boolean")
                        return "nearMatch: boolean expected";
                }
                if (m.matchedPlate != null && $Object.hasOwnProperty.call(m, "matchedPlate")) {
                    if (!$util.isString(m.matchedPlate))
                        return "matchedPlate: string expected";
                }
                if (m.hotlistVersion != null && $Object.hasOwnProperty.call(m, "hotlistVersion")) {
                    if (!$util.isInteger(m.hotlistVersion) && !(m.hotlistVersion && $util.isInteger(m.hotlistVersion.low) && $util.isInteger(m.hotlistVersion.high)))
                        return "hotlistVersion: integer|Long expected";
                }
                if (m.matchedAtMs != null && $Object.hasOwnProperty.call(m, "matchedAtMs")) {
                    if (!$util.isInteger(m.matchedAtMs) && !(m.matchedAtMs && $util.isInteger(m.matchedAtMs.low) && $util.isInteger(m.matchedAtMs.high)))
                        return "matchedAtMs: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates an AlertHit message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.AlertHit
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.AlertHit} AlertHit
             */
            AlertHit.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.AlertHit)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.AlertHit: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.AlertHit();
                if (d.deviceId != null) {
                    if (typeof d.deviceId !== "string" || d.deviceId.length) {
                        m.deviceId = $String(d.deviceId);
                    }
                }
                if (d.read != null) {
                    if (!$util.isObject(d.read))
                        throw $TypeError(".alpr.v1.AlertHit.read: object expected");
                    m.read = $root.alpr.v1.Read.fromObject(d.read, q + 1);
                }
                if (d.entryId != null) {
                    if (typeof d.entryId !== "string" || d.entryId.length) {
                        m.entryId = $String(d.entryId);
                    }
                }
                if (d.nearMatch != null) {
                    if (d.nearMatch) {
                        m.nearMatch = $Boolean(d.nearMatch);
                    }
                }
                if (d.matchedPlate != null) {
                    if (typeof d.matchedPlate !== "string" || d.matchedPlate.length) {
                        m.matchedPlate = $String(d.matchedPlate);
                    }
                }
                if (d.hotlistVersion != null) {
                    if (typeof d.hotlistVersion === "object" ? d.hotlistVersion.low || d.hotlistVersion.high : $Number(d.hotlistVersion) !== 0) {
                        if ($util.Long)
                            m.hotlistVersion = $util.Long.fromValue(d.hotlistVersion, true);
                        else if (typeof d.hotlistVersion === "string")
                            m.hotlistVersion = $parseInt(d.hotlistVersion, 10);
                        else if (typeof d.hotlistVersion === "number")
                            m.hotlistVersion = d.hotlistVersion;
                        else if (typeof d.hotlistVersion === "object")
                            m.hotlistVersion = new $util.LongBits(d.hotlistVersion.low >>> 0, d.hotlistVersion.high >>> 0).toNumber(true);
                    }
                }
                if (d.matchedAtMs != null) {
                    if (typeof d.matchedAtMs === "object" ? d.matchedAtMs.low || d.matchedAtMs.high : $Number(d.matchedAtMs) !== 0) {
                        if ($util.Long)
                            m.matchedAtMs = $util.Long.fromValue(d.matchedAtMs, false);
                        else if (typeof d.matchedAtMs === "string")
                            m.matchedAtMs = $parseInt(d.matchedAtMs, 10);
                        else if (typeof d.matchedAtMs === "number")
                            m.matchedAtMs = d.matchedAtMs;
                        else if (typeof d.matchedAtMs === "object")
                            m.matchedAtMs = new $util.LongBits(d.matchedAtMs.low >>> 0, d.matchedAtMs.high >>> 0).toNumber();
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an AlertHit message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.AlertHit
             * @static
             * @param {alpr.v1.AlertHit} m AlertHit
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AlertHit.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.deviceId = "";
                    d.read = null;
                    d.entryId = "";
                    d.nearMatch = false;
                    d.matchedPlate = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.hotlistVersion = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.hotlistVersion = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.matchedAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.matchedAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.read != null && $Object.hasOwnProperty.call(m, "read")) {
                    d.read = $root.alpr.v1.Read.toObject(m.read, o, q + 1);
                }
                if (m.entryId != null && $Object.hasOwnProperty.call(m, "entryId")) {
                    d.entryId = m.entryId;
                }
                if (m.nearMatch != null && $Object.hasOwnProperty.call(m, "nearMatch")) {
                    d.nearMatch = m.nearMatch;
                }
                if (m.matchedPlate != null && $Object.hasOwnProperty.call(m, "matchedPlate")) {
                    d.matchedPlate = m.matchedPlate;
                }
                if (m.hotlistVersion != null && $Object.hasOwnProperty.call(m, "hotlistVersion")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.hotlistVersion = typeof m.hotlistVersion === "number" ? $BigInt(m.hotlistVersion) : $util.Long.fromBits(m.hotlistVersion.low >>> 0, m.hotlistVersion.high >>> 0, true).toBigInt();
                    else if (typeof m.hotlistVersion === "number")
                        d.hotlistVersion = o.longs === $String ? $String(m.hotlistVersion) : m.hotlistVersion;
                    else
                        d.hotlistVersion = o.longs === $String ? $util.Long.prototype.toString.call(m.hotlistVersion) : o.longs === $Number ? new $util.LongBits(m.hotlistVersion.low >>> 0, m.hotlistVersion.high >>> 0).toNumber(true) : m.hotlistVersion;
                }
                if (m.matchedAtMs != null && $Object.hasOwnProperty.call(m, "matchedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.matchedAtMs = typeof m.matchedAtMs === "number" ? $BigInt(m.matchedAtMs) : $util.Long.fromBits(m.matchedAtMs.low >>> 0, m.matchedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.matchedAtMs === "number")
                        d.matchedAtMs = o.longs === $String ? $String(m.matchedAtMs) : m.matchedAtMs;
                    else
                        d.matchedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.matchedAtMs) : o.longs === $Number ? new $util.LongBits(m.matchedAtMs.low >>> 0, m.matchedAtMs.high >>> 0).toNumber() : m.matchedAtMs;
                }
                return d;
            };

            /**
             * Converts this AlertHit to JSON.
             * @function toJSON
             * @memberof alpr.v1.AlertHit
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AlertHit.prototype.toJSON = function() {
                return AlertHit.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AlertHit
             * @function getTypeUrl
             * @memberof alpr.v1.AlertHit
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AlertHit.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.AlertHit";
            };

            return AlertHit;
        })();

        /**
         * AlertRefusal enum.
         * @name alpr.v1.AlertRefusal
         * @enum {number}
         * @property {number} ALERT_REFUSAL_NONE=0 ALERT_REFUSAL_NONE value
         * @property {number} ALERT_REFUSAL_EXPIRED=1 ALERT_REFUSAL_EXPIRED value
         */
        v1.AlertRefusal = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ALERT_REFUSAL_NONE"] = 0;
            values[valuesById[1] = "ALERT_REFUSAL_EXPIRED"] = 1;
            return values;
        })();

        v1.AlertAck = (function() {

            /**
             * Properties of an AlertAck.
             * @typedef {Object} alpr.v1.AlertAck.$Properties
             * @property {string|null} [deviceId] AlertAck deviceId
             * @property {string|null} [readId] AlertAck readId
             * @property {string|null} [entryId] AlertAck entryId
             * @property {number|null} [ackedAtMs] AlertAck ackedAtMs
             * @property {alpr.v1.AlertRefusal|null} [refusal] AlertAck refusal
             * @property {string|null} [reason] AlertAck reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AlertAck.
             * @memberof alpr.v1
             * @interface IAlertAck
             * @augments alpr.v1.AlertAck.$Properties
             * @deprecated Use alpr.v1.AlertAck.$Properties instead.
             */

            /**
             * Shape of an AlertAck.
             * @typedef {alpr.v1.AlertAck.$Properties} alpr.v1.AlertAck.$Shape
             */

            /**
             * Constructs a new AlertAck.
             * @memberof alpr.v1
             * @classdesc Represents an AlertAck.
             * @constructor
             * @param {alpr.v1.AlertAck.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AlertAck = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AlertAck deviceId.
             * @member {string} deviceId
             * @memberof alpr.v1.AlertAck
             * @instance
             */
            AlertAck.prototype.deviceId = "";

            /**
             * AlertAck readId.
             * @member {string} readId
             * @memberof alpr.v1.AlertAck
             * @instance
             */
            AlertAck.prototype.readId = "";

            /**
             * AlertAck entryId.
             * @member {string} entryId
             * @memberof alpr.v1.AlertAck
             * @instance
             */
            AlertAck.prototype.entryId = "";

            /**
             * AlertAck ackedAtMs.
             * @member {number} ackedAtMs
             * @memberof alpr.v1.AlertAck
             * @instance
             */
            AlertAck.prototype.ackedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * AlertAck refusal.
             * @member {alpr.v1.AlertRefusal} refusal
             * @memberof alpr.v1.AlertAck
             * @instance
             */
            AlertAck.prototype.refusal = 0;

            /**
             * AlertAck reason.
             * @member {string} reason
             * @memberof alpr.v1.AlertAck
             * @instance
             */
            AlertAck.prototype.reason = "";

            /**
             * Creates a new AlertAck instance using the specified properties.
             * @function create
             * @memberof alpr.v1.AlertAck
             * @static
             * @param {alpr.v1.AlertAck.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.AlertAck} AlertAck instance
             * @type {{
             *   (properties: alpr.v1.AlertAck.$Shape): alpr.v1.AlertAck & alpr.v1.AlertAck.$Shape;
             *   (properties?: alpr.v1.AlertAck.$Properties): alpr.v1.AlertAck;
             * }}
             */
            AlertAck.create = function(properties) {
                return new AlertAck(properties);
            };

            /**
             * Encodes the specified AlertAck message. Does not implicitly {@link alpr.v1.AlertAck.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.AlertAck
             * @static
             * @param {alpr.v1.AlertAck.$Properties} m AlertAck message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AlertAck.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deviceId);
                if (m.readId != null && $Object.hasOwnProperty.call(m, "readId") && m.readId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.readId);
                if (m.entryId != null && $Object.hasOwnProperty.call(m, "entryId") && m.entryId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.entryId);
                if (m.ackedAtMs != null && $Object.hasOwnProperty.call(m, "ackedAtMs") && (typeof m.ackedAtMs === "object" ? m.ackedAtMs.low || m.ackedAtMs.high : m.ackedAtMs !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).int64(m.ackedAtMs);
                if (m.refusal != null && $Object.hasOwnProperty.call(m, "refusal") && m.refusal !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).int32(m.refusal);
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.reason);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified AlertAck message, length delimited. Does not implicitly {@link alpr.v1.AlertAck.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.AlertAck
             * @static
             * @param {alpr.v1.AlertAck.$Properties} message AlertAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AlertAck.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AlertAck message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.AlertAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.AlertAck & alpr.v1.AlertAck.$Shape} AlertAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AlertAck.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.AlertAck();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.readId = v;
                            else
                                delete m.readId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.entryId = v;
                            else
                                delete m.entryId;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.ackedAtMs = v;
                            else
                                delete m.ackedAtMs;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.refusal = v;
                            else
                                delete m.refusal;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an AlertAck message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.AlertAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.AlertAck & alpr.v1.AlertAck.$Shape} AlertAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AlertAck.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an AlertAck message.
             * @function verify
             * @memberof alpr.v1.AlertAck
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AlertAck.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    if (!$util.isString(m.deviceId))
                        return "deviceId: string expected";
                }
                if (m.readId != null && $Object.hasOwnProperty.call(m, "readId")) {
                    if (!$util.isString(m.readId))
                        return "readId: string expected";
                }
                if (m.entryId != null && $Object.hasOwnProperty.call(m, "entryId")) {
                    if (!$util.isString(m.entryId))
                        return "entryId: string expected";
                }
                if (m.ackedAtMs != null && $Object.hasOwnProperty.call(m, "ackedAtMs")) {
                    if (!$util.isInteger(m.ackedAtMs) && !(m.ackedAtMs && $util.isInteger(m.ackedAtMs.low) && $util.isInteger(m.ackedAtMs.high)))
                        return "ackedAtMs: integer|Long expected";
                }
                if (m.refusal != null && $Object.hasOwnProperty.call(m, "refusal")) {
                    if (typeof m.refusal !== "number" || (m.refusal | 0) !== m.refusal)
                        return "refusal: enum value expected";
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    if (!$util.isString(m.reason))
                        return "reason: string expected";
                }
                return null;
            };

            /**
             * Creates an AlertAck message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.AlertAck
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.AlertAck} AlertAck
             */
            AlertAck.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.AlertAck)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.AlertAck: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.AlertAck();
                if (d.deviceId != null) {
                    if (typeof d.deviceId !== "string" || d.deviceId.length) {
                        m.deviceId = $String(d.deviceId);
                    }
                }
                if (d.readId != null) {
                    if (typeof d.readId !== "string" || d.readId.length) {
                        m.readId = $String(d.readId);
                    }
                }
                if (d.entryId != null) {
                    if (typeof d.entryId !== "string" || d.entryId.length) {
                        m.entryId = $String(d.entryId);
                    }
                }
                if (d.ackedAtMs != null) {
                    if (typeof d.ackedAtMs === "object" ? d.ackedAtMs.low || d.ackedAtMs.high : $Number(d.ackedAtMs) !== 0) {
                        if ($util.Long)
                            m.ackedAtMs = $util.Long.fromValue(d.ackedAtMs, false);
                        else if (typeof d.ackedAtMs === "string")
                            m.ackedAtMs = $parseInt(d.ackedAtMs, 10);
                        else if (typeof d.ackedAtMs === "number")
                            m.ackedAtMs = d.ackedAtMs;
                        else if (typeof d.ackedAtMs === "object")
                            m.ackedAtMs = new $util.LongBits(d.ackedAtMs.low >>> 0, d.ackedAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.refusal !== 0 && (typeof d.refusal !== "string" || $root.alpr.v1.AlertRefusal[d.refusal] !== 0)) {
                    switch (d.refusal) {
                    case "ALERT_REFUSAL_NONE":
                    case 0:
                        m.refusal = 0;
                        break;
                    case "ALERT_REFUSAL_EXPIRED":
                    case 1:
                        m.refusal = 1;
                        break;
                    default:
                        if (typeof d.refusal === "number" && (d.refusal | 0) === d.refusal)
                            m.refusal = d.refusal;
                    }
                }
                if (d.reason != null) {
                    if (typeof d.reason !== "string" || d.reason.length) {
                        m.reason = $String(d.reason);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an AlertAck message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.AlertAck
             * @static
             * @param {alpr.v1.AlertAck} m AlertAck
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AlertAck.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.deviceId = "";
                    d.readId = "";
                    d.entryId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.ackedAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.ackedAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.refusal = o.enums === $String ? "ALERT_REFUSAL_NONE" : 0;
                    d.reason = "";
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.readId != null && $Object.hasOwnProperty.call(m, "readId")) {
                    d.readId = m.readId;
                }
                if (m.entryId != null && $Object.hasOwnProperty.call(m, "entryId")) {
                    d.entryId = m.entryId;
                }
                if (m.ackedAtMs != null && $Object.hasOwnProperty.call(m, "ackedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.ackedAtMs = typeof m.ackedAtMs === "number" ? $BigInt(m.ackedAtMs) : $util.Long.fromBits(m.ackedAtMs.low >>> 0, m.ackedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.ackedAtMs === "number")
                        d.ackedAtMs = o.longs === $String ? $String(m.ackedAtMs) : m.ackedAtMs;
                    else
                        d.ackedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.ackedAtMs) : o.longs === $Number ? new $util.LongBits(m.ackedAtMs.low >>> 0, m.ackedAtMs.high >>> 0).toNumber() : m.ackedAtMs;
                }
                if (m.refusal != null && $Object.hasOwnProperty.call(m, "refusal")) {
                    d.refusal = o.enums === $String ? $root.alpr.v1.AlertRefusal[m.refusal] === $undefined ? m.refusal : $root.alpr.v1.AlertRefusal[m.refusal] : m.refusal;
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                return d;
            };

            /**
             * Converts this AlertAck to JSON.
             * @function toJSON
             * @memberof alpr.v1.AlertAck
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AlertAck.prototype.toJSON = function() {
                return AlertAck.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AlertAck
             * @function getTypeUrl
             * @memberof alpr.v1.AlertAck
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AlertAck.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.AlertAck";
            };

            return AlertAck;
        })();

        v1.SignedAlertAck = (function() {

            /**
             * Properties of a SignedAlertAck.
             * @typedef {Object} alpr.v1.SignedAlertAck.$Properties
             * @property {Uint8Array|null} [ack] SignedAlertAck ack
             * @property {Uint8Array|null} [signature] SignedAlertAck signature
             * @property {Uint8Array|null} [labelledSignature] SignedAlertAck labelledSignature
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SignedAlertAck.
             * @memberof alpr.v1
             * @interface ISignedAlertAck
             * @augments alpr.v1.SignedAlertAck.$Properties
             * @deprecated Use alpr.v1.SignedAlertAck.$Properties instead.
             */

            /**
             * Shape of a SignedAlertAck.
             * @typedef {alpr.v1.SignedAlertAck.$Properties} alpr.v1.SignedAlertAck.$Shape
             */

            /**
             * Constructs a new SignedAlertAck.
             * @memberof alpr.v1
             * @classdesc Represents a SignedAlertAck.
             * @constructor
             * @param {alpr.v1.SignedAlertAck.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SignedAlertAck = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SignedAlertAck ack.
             * @member {Uint8Array} ack
             * @memberof alpr.v1.SignedAlertAck
             * @instance
             */
            SignedAlertAck.prototype.ack = $util.newBuffer([]);

            /**
             * SignedAlertAck signature.
             * @member {Uint8Array} signature
             * @memberof alpr.v1.SignedAlertAck
             * @instance
             */
            SignedAlertAck.prototype.signature = $util.newBuffer([]);

            /**
             * SignedAlertAck labelledSignature.
             * @member {Uint8Array} labelledSignature
             * @memberof alpr.v1.SignedAlertAck
             * @instance
             */
            SignedAlertAck.prototype.labelledSignature = $util.newBuffer([]);

            /**
             * Creates a new SignedAlertAck instance using the specified properties.
             * @function create
             * @memberof alpr.v1.SignedAlertAck
             * @static
             * @param {alpr.v1.SignedAlertAck.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.SignedAlertAck} SignedAlertAck instance
             * @type {{
             *   (properties: alpr.v1.SignedAlertAck.$Shape): alpr.v1.SignedAlertAck & alpr.v1.SignedAlertAck.$Shape;
             *   (properties?: alpr.v1.SignedAlertAck.$Properties): alpr.v1.SignedAlertAck;
             * }}
             */
            SignedAlertAck.create = function(properties) {
                return new SignedAlertAck(properties);
            };

            /**
             * Encodes the specified SignedAlertAck message. Does not implicitly {@link alpr.v1.SignedAlertAck.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.SignedAlertAck
             * @static
             * @param {alpr.v1.SignedAlertAck.$Properties} m SignedAlertAck message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignedAlertAck.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.ack != null && $Object.hasOwnProperty.call(m, "ack") && m.ack.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.ack);
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.signature);
                if (m.labelledSignature != null && $Object.hasOwnProperty.call(m, "labelledSignature") && m.labelledSignature.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.labelledSignature);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified SignedAlertAck message, length delimited. Does not implicitly {@link alpr.v1.SignedAlertAck.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.SignedAlertAck
             * @static
             * @param {alpr.v1.SignedAlertAck.$Properties} message SignedAlertAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignedAlertAck.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SignedAlertAck message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.SignedAlertAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.SignedAlertAck & alpr.v1.SignedAlertAck.$Shape} SignedAlertAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignedAlertAck.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.SignedAlertAck();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.ack = v;
                            else
                                delete m.ack;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.labelledSignature = v;
                            else
                                delete m.labelledSignature;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a SignedAlertAck message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.SignedAlertAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.SignedAlertAck & alpr.v1.SignedAlertAck.$Shape} SignedAlertAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignedAlertAck.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SignedAlertAck message.
             * @function verify
             * @memberof alpr.v1.SignedAlertAck
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SignedAlertAck.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.ack != null && $Object.hasOwnProperty.call(m, "ack")) {
                    if (!(m.ack && typeof m.ack.length === "number" || $util.isString(m.ack)))
                        return "ack: buffer expected";
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    if (!(m.signature && typeof m.signature.length === "number" || $util.isString(m.signature)))
                        return "signature: buffer expected";
                }
                if (m.labelledSignature != null && $Object.hasOwnProperty.call(m, "labelledSignature")) {
                    if (!(m.labelledSignature && typeof m.labelledSignature.length === "number" || $util.isString(m.labelledSignature)))
                        return "labelledSignature: buffer expected";
                }
                return null;
            };

            /**
             * Creates a SignedAlertAck message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.SignedAlertAck
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.SignedAlertAck} SignedAlertAck
             */
            SignedAlertAck.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.SignedAlertAck)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.SignedAlertAck: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.SignedAlertAck();
                if (d.ack != null) {
                    if (d.ack.length) {
                        if (typeof d.ack === "string")
                            $util.base64.decode(d.ack, m.ack = $util.newBuffer($util.base64.length(d.ack)), 0);
                        else if (d.ack.length >= 0)
                            m.ack = d.ack;
                    }
                }
                if (d.signature != null) {
                    if (d.signature.length) {
                        if (typeof d.signature === "string")
                            $util.base64.decode(d.signature, m.signature = $util.newBuffer($util.base64.length(d.signature)), 0);
                        else if (d.signature.length >= 0)
                            m.signature = d.signature;
                    }
                }
                if (d.labelledSignature != null) {
                    if (d.labelledSignature.length) {
                        if (typeof d.labelledSignature === "string")
                            $util.base64.decode(d.labelledSignature, m.labelledSignature = $util.newBuffer($util.base64.length(d.labelledSignature)), 0);
                        else if (d.labelledSignature.length >= 0)
                            m.labelledSignature = d.labelledSignature;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a SignedAlertAck message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.SignedAlertAck
             * @static
             * @param {alpr.v1.SignedAlertAck} m SignedAlertAck
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SignedAlertAck.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.ack = "";
                    else {
                        d.ack = [];
                        if (o.bytes !== $Array)
                            d.ack = $util.newBuffer(d.ack);
                    }
                    if (o.bytes === $String)
                        d.signature = "";
                    else {
                        d.signature = [];
                        if (o.bytes !== $Array)
                            d.signature = $util.newBuffer(d.signature);
                    }
                    if (o.bytes === $String)
                        d.labelledSignature = "";
                    else {
                        d.labelledSignature = [];
                        if (o.bytes !== $Array)
                            d.labelledSignature = $util.newBuffer(d.labelledSignature);
                    }
                }
                if (m.ack != null && $Object.hasOwnProperty.call(m, "ack")) {
                    d.ack = o.bytes === $String ? $util.base64.encode(m.ack, 0, m.ack.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.ack) : m.ack;
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    d.signature = o.bytes === $String ? $util.base64.encode(m.signature, 0, m.signature.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.signature) : m.signature;
                }
                if (m.labelledSignature != null && $Object.hasOwnProperty.call(m, "labelledSignature")) {
                    d.labelledSignature = o.bytes === $String ? $util.base64.encode(m.labelledSignature, 0, m.labelledSignature.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.labelledSignature) : m.labelledSignature;
                }
                return d;
            };

            /**
             * Converts this SignedAlertAck to JSON.
             * @function toJSON
             * @memberof alpr.v1.SignedAlertAck
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SignedAlertAck.prototype.toJSON = function() {
                return SignedAlertAck.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SignedAlertAck
             * @function getTypeUrl
             * @memberof alpr.v1.SignedAlertAck
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SignedAlertAck.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.SignedAlertAck";
            };

            return SignedAlertAck;
        })();

        v1.ConfigPush = (function() {

            /**
             * Properties of a ConfigPush.
             * @typedef {Object} alpr.v1.ConfigPush.$Properties
             * @property {string|null} [deviceId] ConfigPush deviceId
             * @property {number|null} [hubTimeMs] ConfigPush hubTimeMs
             * @property {Uint8Array|null} [sealPublicKey] ConfigPush sealPublicKey
             * @property {string|null} [sealKeyId] ConfigPush sealKeyId
             * @property {number|null} [sealKeySinceMs] ConfigPush sealKeySinceMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ConfigPush.
             * @memberof alpr.v1
             * @interface IConfigPush
             * @augments alpr.v1.ConfigPush.$Properties
             * @deprecated Use alpr.v1.ConfigPush.$Properties instead.
             */

            /**
             * Shape of a ConfigPush.
             * @typedef {alpr.v1.ConfigPush.$Properties} alpr.v1.ConfigPush.$Shape
             */

            /**
             * Constructs a new ConfigPush.
             * @memberof alpr.v1
             * @classdesc Represents a ConfigPush.
             * @constructor
             * @param {alpr.v1.ConfigPush.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ConfigPush = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ConfigPush deviceId.
             * @member {string} deviceId
             * @memberof alpr.v1.ConfigPush
             * @instance
             */
            ConfigPush.prototype.deviceId = "";

            /**
             * ConfigPush hubTimeMs.
             * @member {number} hubTimeMs
             * @memberof alpr.v1.ConfigPush
             * @instance
             */
            ConfigPush.prototype.hubTimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * ConfigPush sealPublicKey.
             * @member {Uint8Array} sealPublicKey
             * @memberof alpr.v1.ConfigPush
             * @instance
             */
            ConfigPush.prototype.sealPublicKey = $util.newBuffer([]);

            /**
             * ConfigPush sealKeyId.
             * @member {string} sealKeyId
             * @memberof alpr.v1.ConfigPush
             * @instance
             */
            ConfigPush.prototype.sealKeyId = "";

            /**
             * ConfigPush sealKeySinceMs.
             * @member {number} sealKeySinceMs
             * @memberof alpr.v1.ConfigPush
             * @instance
             */
            ConfigPush.prototype.sealKeySinceMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new ConfigPush instance using the specified properties.
             * @function create
             * @memberof alpr.v1.ConfigPush
             * @static
             * @param {alpr.v1.ConfigPush.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.ConfigPush} ConfigPush instance
             * @type {{
             *   (properties: alpr.v1.ConfigPush.$Shape): alpr.v1.ConfigPush & alpr.v1.ConfigPush.$Shape;
             *   (properties?: alpr.v1.ConfigPush.$Properties): alpr.v1.ConfigPush;
             * }}
             */
            ConfigPush.create = function(properties) {
                return new ConfigPush(properties);
            };

            /**
             * Encodes the specified ConfigPush message. Does not implicitly {@link alpr.v1.ConfigPush.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.ConfigPush
             * @static
             * @param {alpr.v1.ConfigPush.$Properties} m ConfigPush message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ConfigPush.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deviceId);
                if (m.hubTimeMs != null && $Object.hasOwnProperty.call(m, "hubTimeMs") && (typeof m.hubTimeMs === "object" ? m.hubTimeMs.low || m.hubTimeMs.high : m.hubTimeMs !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).int64(m.hubTimeMs);
                if (m.sealPublicKey != null && $Object.hasOwnProperty.call(m, "sealPublicKey") && m.sealPublicKey.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.sealPublicKey);
                if (m.sealKeyId != null && $Object.hasOwnProperty.call(m, "sealKeyId") && m.sealKeyId !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.sealKeyId);
                if (m.sealKeySinceMs != null && $Object.hasOwnProperty.call(m, "sealKeySinceMs") && (typeof m.sealKeySinceMs === "object" ? m.sealKeySinceMs.low || m.sealKeySinceMs.high : m.sealKeySinceMs !== 0))
                    w.uint32(/* id 5, wireType 0 =*/40).int64(m.sealKeySinceMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified ConfigPush message, length delimited. Does not implicitly {@link alpr.v1.ConfigPush.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.ConfigPush
             * @static
             * @param {alpr.v1.ConfigPush.$Properties} message ConfigPush message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ConfigPush.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ConfigPush message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.ConfigPush
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.ConfigPush & alpr.v1.ConfigPush.$Shape} ConfigPush
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ConfigPush.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.ConfigPush();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.hubTimeMs = v;
                            else
                                delete m.hubTimeMs;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.sealPublicKey = v;
                            else
                                delete m.sealPublicKey;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.sealKeyId = v;
                            else
                                delete m.sealKeyId;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.sealKeySinceMs = v;
                            else
                                delete m.sealKeySinceMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a ConfigPush message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.ConfigPush
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.ConfigPush & alpr.v1.ConfigPush.$Shape} ConfigPush
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ConfigPush.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ConfigPush message.
             * @function verify
             * @memberof alpr.v1.ConfigPush
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ConfigPush.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    if (!$util.isString(m.deviceId))
                        return "deviceId: string expected";
                }
                if (m.hubTimeMs != null && $Object.hasOwnProperty.call(m, "hubTimeMs")) {
                    if (!$util.isInteger(m.hubTimeMs) && !(m.hubTimeMs && $util.isInteger(m.hubTimeMs.low) && $util.isInteger(m.hubTimeMs.high)))
                        return "hubTimeMs: integer|Long expected";
                }
                if (m.sealPublicKey != null && $Object.hasOwnProperty.call(m, "sealPublicKey")) {
                    if (!(m.sealPublicKey && typeof m.sealPublicKey.length === "number" || $util.isString(m.sealPublicKey)))
                        return "sealPublicKey: buffer expected";
                }
                if (m.sealKeyId != null && $Object.hasOwnProperty.call(m, "sealKeyId")) {
                    if (!$util.isString(m.sealKeyId))
                        return "sealKeyId: string expected";
                }
                if (m.sealKeySinceMs != null && $Object.hasOwnProperty.call(m, "sealKeySinceMs")) {
                    if (!$util.isInteger(m.sealKeySinceMs) && !(m.sealKeySinceMs && $util.isInteger(m.sealKeySinceMs.low) && $util.isInteger(m.sealKeySinceMs.high)))
                        return "sealKeySinceMs: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a ConfigPush message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.ConfigPush
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.ConfigPush} ConfigPush
             */
            ConfigPush.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.ConfigPush)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.ConfigPush: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.ConfigPush();
                if (d.deviceId != null) {
                    if (typeof d.deviceId !== "string" || d.deviceId.length) {
                        m.deviceId = $String(d.deviceId);
                    }
                }
                if (d.hubTimeMs != null) {
                    if (typeof d.hubTimeMs === "object" ? d.hubTimeMs.low || d.hubTimeMs.high : $Number(d.hubTimeMs) !== 0) {
                        if ($util.Long)
                            m.hubTimeMs = $util.Long.fromValue(d.hubTimeMs, false);
                        else if (typeof d.hubTimeMs === "string")
                            m.hubTimeMs = $parseInt(d.hubTimeMs, 10);
                        else if (typeof d.hubTimeMs === "number")
                            m.hubTimeMs = d.hubTimeMs;
                        else if (typeof d.hubTimeMs === "object")
                            m.hubTimeMs = new $util.LongBits(d.hubTimeMs.low >>> 0, d.hubTimeMs.high >>> 0).toNumber();
                    }
                }
                if (d.sealPublicKey != null) {
                    if (d.sealPublicKey.length) {
                        if (typeof d.sealPublicKey === "string")
                            $util.base64.decode(d.sealPublicKey, m.sealPublicKey = $util.newBuffer($util.base64.length(d.sealPublicKey)), 0);
                        else if (d.sealPublicKey.length >= 0)
                            m.sealPublicKey = d.sealPublicKey;
                    }
                }
                if (d.sealKeyId != null) {
                    if (typeof d.sealKeyId !== "string" || d.sealKeyId.length) {
                        m.sealKeyId = $String(d.sealKeyId);
                    }
                }
                if (d.sealKeySinceMs != null) {
                    if (typeof d.sealKeySinceMs === "object" ? d.sealKeySinceMs.low || d.sealKeySinceMs.high : $Number(d.sealKeySinceMs) !== 0) {
                        if ($util.Long)
                            m.sealKeySinceMs = $util.Long.fromValue(d.sealKeySinceMs, false);
                        else if (typeof d.sealKeySinceMs === "string")
                            m.sealKeySinceMs = $parseInt(d.sealKeySinceMs, 10);
                        else if (typeof d.sealKeySinceMs === "number")
                            m.sealKeySinceMs = d.sealKeySinceMs;
                        else if (typeof d.sealKeySinceMs === "object")
                            m.sealKeySinceMs = new $util.LongBits(d.sealKeySinceMs.low >>> 0, d.sealKeySinceMs.high >>> 0).toNumber();
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a ConfigPush message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.ConfigPush
             * @static
             * @param {alpr.v1.ConfigPush} m ConfigPush
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ConfigPush.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.deviceId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.hubTimeMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.hubTimeMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.sealPublicKey = "";
                    else {
                        d.sealPublicKey = [];
                        if (o.bytes !== $Array)
                            d.sealPublicKey = $util.newBuffer(d.sealPublicKey);
                    }
                    d.sealKeyId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.sealKeySinceMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sealKeySinceMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.hubTimeMs != null && $Object.hasOwnProperty.call(m, "hubTimeMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.hubTimeMs = typeof m.hubTimeMs === "number" ? $BigInt(m.hubTimeMs) : $util.Long.fromBits(m.hubTimeMs.low >>> 0, m.hubTimeMs.high >>> 0, false).toBigInt();
                    else if (typeof m.hubTimeMs === "number")
                        d.hubTimeMs = o.longs === $String ? $String(m.hubTimeMs) : m.hubTimeMs;
                    else
                        d.hubTimeMs = o.longs === $String ? $util.Long.prototype.toString.call(m.hubTimeMs) : o.longs === $Number ? new $util.LongBits(m.hubTimeMs.low >>> 0, m.hubTimeMs.high >>> 0).toNumber() : m.hubTimeMs;
                }
                if (m.sealPublicKey != null && $Object.hasOwnProperty.call(m, "sealPublicKey")) {
                    d.sealPublicKey = o.bytes === $String ? $util.base64.encode(m.sealPublicKey, 0, m.sealPublicKey.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.sealPublicKey) : m.sealPublicKey;
                }
                if (m.sealKeyId != null && $Object.hasOwnProperty.call(m, "sealKeyId")) {
                    d.sealKeyId = m.sealKeyId;
                }
                if (m.sealKeySinceMs != null && $Object.hasOwnProperty.call(m, "sealKeySinceMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sealKeySinceMs = typeof m.sealKeySinceMs === "number" ? $BigInt(m.sealKeySinceMs) : $util.Long.fromBits(m.sealKeySinceMs.low >>> 0, m.sealKeySinceMs.high >>> 0, false).toBigInt();
                    else if (typeof m.sealKeySinceMs === "number")
                        d.sealKeySinceMs = o.longs === $String ? $String(m.sealKeySinceMs) : m.sealKeySinceMs;
                    else
                        d.sealKeySinceMs = o.longs === $String ? $util.Long.prototype.toString.call(m.sealKeySinceMs) : o.longs === $Number ? new $util.LongBits(m.sealKeySinceMs.low >>> 0, m.sealKeySinceMs.high >>> 0).toNumber() : m.sealKeySinceMs;
                }
                return d;
            };

            /**
             * Converts this ConfigPush to JSON.
             * @function toJSON
             * @memberof alpr.v1.ConfigPush
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ConfigPush.prototype.toJSON = function() {
                return ConfigPush.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ConfigPush
             * @function getTypeUrl
             * @memberof alpr.v1.ConfigPush
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ConfigPush.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.ConfigPush";
            };

            return ConfigPush;
        })();

        v1.SignedConfigPush = (function() {

            /**
             * Properties of a SignedConfigPush.
             * @typedef {Object} alpr.v1.SignedConfigPush.$Properties
             * @property {Uint8Array|null} [push] SignedConfigPush push
             * @property {Uint8Array|null} [signature] SignedConfigPush signature
             * @property {Uint8Array|null} [labelledSignature] SignedConfigPush labelledSignature
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SignedConfigPush.
             * @memberof alpr.v1
             * @interface ISignedConfigPush
             * @augments alpr.v1.SignedConfigPush.$Properties
             * @deprecated Use alpr.v1.SignedConfigPush.$Properties instead.
             */

            /**
             * Shape of a SignedConfigPush.
             * @typedef {alpr.v1.SignedConfigPush.$Properties} alpr.v1.SignedConfigPush.$Shape
             */

            /**
             * Constructs a new SignedConfigPush.
             * @memberof alpr.v1
             * @classdesc Represents a SignedConfigPush.
             * @constructor
             * @param {alpr.v1.SignedConfigPush.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SignedConfigPush = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SignedConfigPush push.
             * @member {Uint8Array} push
             * @memberof alpr.v1.SignedConfigPush
             * @instance
             */
            SignedConfigPush.prototype.push = $util.newBuffer([]);

            /**
             * SignedConfigPush signature.
             * @member {Uint8Array} signature
             * @memberof alpr.v1.SignedConfigPush
             * @instance
             */
            SignedConfigPush.prototype.signature = $util.newBuffer([]);

            /**
             * SignedConfigPush labelledSignature.
             * @member {Uint8Array} labelledSignature
             * @memberof alpr.v1.SignedConfigPush
             * @instance
             */
            SignedConfigPush.prototype.labelledSignature = $util.newBuffer([]);

            /**
             * Creates a new SignedConfigPush instance using the specified properties.
             * @function create
             * @memberof alpr.v1.SignedConfigPush
             * @static
             * @param {alpr.v1.SignedConfigPush.$Properties=} [properties] Properties to set
             * @returns {alpr.v1.SignedConfigPush} SignedConfigPush instance
             * @type {{
             *   (properties: alpr.v1.SignedConfigPush.$Shape): alpr.v1.SignedConfigPush & alpr.v1.SignedConfigPush.$Shape;
             *   (properties?: alpr.v1.SignedConfigPush.$Properties): alpr.v1.SignedConfigPush;
             * }}
             */
            SignedConfigPush.create = function(properties) {
                return new SignedConfigPush(properties);
            };

            /**
             * Encodes the specified SignedConfigPush message. Does not implicitly {@link alpr.v1.SignedConfigPush.verify|verify} messages.
             * @function encode
             * @memberof alpr.v1.SignedConfigPush
             * @static
             * @param {alpr.v1.SignedConfigPush.$Properties} m SignedConfigPush message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignedConfigPush.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.push != null && $Object.hasOwnProperty.call(m, "push") && m.push.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.push);
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.signature);
                if (m.labelledSignature != null && $Object.hasOwnProperty.call(m, "labelledSignature") && m.labelledSignature.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.labelledSignature);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified SignedConfigPush message, length delimited. Does not implicitly {@link alpr.v1.SignedConfigPush.verify|verify} messages.
             * @function encodeDelimited
             * @memberof alpr.v1.SignedConfigPush
             * @static
             * @param {alpr.v1.SignedConfigPush.$Properties} message SignedConfigPush message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignedConfigPush.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SignedConfigPush message from the specified reader or buffer.
             * @function decode
             * @memberof alpr.v1.SignedConfigPush
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {alpr.v1.SignedConfigPush & alpr.v1.SignedConfigPush.$Shape} SignedConfigPush
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignedConfigPush.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.alpr.v1.SignedConfigPush();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.push = v;
                            else
                                delete m.push;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.labelledSignature = v;
                            else
                                delete m.labelledSignature;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a SignedConfigPush message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof alpr.v1.SignedConfigPush
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {alpr.v1.SignedConfigPush & alpr.v1.SignedConfigPush.$Shape} SignedConfigPush
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignedConfigPush.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SignedConfigPush message.
             * @function verify
             * @memberof alpr.v1.SignedConfigPush
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SignedConfigPush.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.push != null && $Object.hasOwnProperty.call(m, "push")) {
                    if (!(m.push && typeof m.push.length === "number" || $util.isString(m.push)))
                        return "push: buffer expected";
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    if (!(m.signature && typeof m.signature.length === "number" || $util.isString(m.signature)))
                        return "signature: buffer expected";
                }
                if (m.labelledSignature != null && $Object.hasOwnProperty.call(m, "labelledSignature")) {
                    if (!(m.labelledSignature && typeof m.labelledSignature.length === "number" || $util.isString(m.labelledSignature)))
                        return "labelledSignature: buffer expected";
                }
                return null;
            };

            /**
             * Creates a SignedConfigPush message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof alpr.v1.SignedConfigPush
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {alpr.v1.SignedConfigPush} SignedConfigPush
             */
            SignedConfigPush.fromObject = function (d, q) {
                if (d instanceof $root.alpr.v1.SignedConfigPush)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".alpr.v1.SignedConfigPush: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.alpr.v1.SignedConfigPush();
                if (d.push != null) {
                    if (d.push.length) {
                        if (typeof d.push === "string")
                            $util.base64.decode(d.push, m.push = $util.newBuffer($util.base64.length(d.push)), 0);
                        else if (d.push.length >= 0)
                            m.push = d.push;
                    }
                }
                if (d.signature != null) {
                    if (d.signature.length) {
                        if (typeof d.signature === "string")
                            $util.base64.decode(d.signature, m.signature = $util.newBuffer($util.base64.length(d.signature)), 0);
                        else if (d.signature.length >= 0)
                            m.signature = d.signature;
                    }
                }
                if (d.labelledSignature != null) {
                    if (d.labelledSignature.length) {
                        if (typeof d.labelledSignature === "string")
                            $util.base64.decode(d.labelledSignature, m.labelledSignature = $util.newBuffer($util.base64.length(d.labelledSignature)), 0);
                        else if (d.labelledSignature.length >= 0)
                            m.labelledSignature = d.labelledSignature;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a SignedConfigPush message. Also converts values to other types if specified.
             * @function toObject
             * @memberof alpr.v1.SignedConfigPush
             * @static
             * @param {alpr.v1.SignedConfigPush} m SignedConfigPush
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SignedConfigPush.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.push = "";
                    else {
                        d.push = [];
                        if (o.bytes !== $Array)
                            d.push = $util.newBuffer(d.push);
                    }
                    if (o.bytes === $String)
                        d.signature = "";
                    else {
                        d.signature = [];
                        if (o.bytes !== $Array)
                            d.signature = $util.newBuffer(d.signature);
                    }
                    if (o.bytes === $String)
                        d.labelledSignature = "";
                    else {
                        d.labelledSignature = [];
                        if (o.bytes !== $Array)
                            d.labelledSignature = $util.newBuffer(d.labelledSignature);
                    }
                }
                if (m.push != null && $Object.hasOwnProperty.call(m, "push")) {
                    d.push = o.bytes === $String ? $util.base64.encode(m.push, 0, m.push.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.push) : m.push;
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    d.signature = o.bytes === $String ? $util.base64.encode(m.signature, 0, m.signature.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.signature) : m.signature;
                }
                if (m.labelledSignature != null && $Object.hasOwnProperty.call(m, "labelledSignature")) {
                    d.labelledSignature = o.bytes === $String ? $util.base64.encode(m.labelledSignature, 0, m.labelledSignature.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.labelledSignature) : m.labelledSignature;
                }
                return d;
            };

            /**
             * Converts this SignedConfigPush to JSON.
             * @function toJSON
             * @memberof alpr.v1.SignedConfigPush
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SignedConfigPush.prototype.toJSON = function() {
                return SignedConfigPush.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SignedConfigPush
             * @function getTypeUrl
             * @memberof alpr.v1.SignedConfigPush
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SignedConfigPush.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/alpr.v1.SignedConfigPush";
            };

            return SignedConfigPush;
        })();

        return v1;
    })();

    return alpr;
})();

export {
  $root as default
};
