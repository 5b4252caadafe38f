import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace alpr. */
export namespace alpr {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of a Point.
         * @deprecated Use alpr.v1.Point.$Properties instead.
         */
        interface IPoint extends alpr.v1.Point.$Properties {
        }

        /** Represents a Point. */
        class Point {

            /**
             * Constructs a new Point.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.Point.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Point x. */
            x: number;

            /** Point y. */
            y: number;

            /**
             * Creates a new Point instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Point instance
             */
            static create(properties: alpr.v1.Point.$Shape): alpr.v1.Point & alpr.v1.Point.$Shape;
            static create(properties?: alpr.v1.Point.$Properties): alpr.v1.Point;

            /**
             * Encodes the specified Point message. Does not implicitly {@link alpr.v1.Point.verify|verify} messages.
             * @param m Point message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.Point.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Point message, length delimited. Does not implicitly {@link alpr.v1.Point.verify|verify} messages.
             * @param message Point message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.Point.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Point message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.Point & alpr.v1.Point.$Shape} Point
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.Point & alpr.v1.Point.$Shape;

            /**
             * Decodes a Point message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.Point & alpr.v1.Point.$Shape} Point
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.Point & alpr.v1.Point.$Shape;

            /**
             * Verifies a Point message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Point message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Point
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.Point;

            /**
             * Creates a plain object from a Point message. Also converts values to other types if specified.
             * @param m Point
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.Point, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Point to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Point
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Point {

            /** Properties of a Point. */
            interface $Properties {

                /** Point x */
                x?: (number|null);

                /** Point y */
                y?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Point. */
            type $Shape = alpr.v1.Point.$Properties;
        }

        /**
         * Properties of a Read.
         * @deprecated Use alpr.v1.Read.$Properties instead.
         */
        interface IRead extends alpr.v1.Read.$Properties {
        }

        /** Represents a Read. */
        class Read {

            /**
             * Constructs a new Read.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.Read.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Read id. */
            id: string;

            /** Read capturedAtMs. */
            capturedAtMs: number;

            /** Read siteId. */
            siteId: string;

            /** Read cameraId. */
            cameraId: string;

            /** Read plate. */
            plate: string;

            /** Read confidence. */
            confidence: number;

            /** Read charConfidences. */
            charConfidences: number[];

            /** Read region. */
            region: string;

            /** Read regionConfidence. */
            regionConfidence: number;

            /** Read lowConfidence. */
            lowConfidence: boolean;

            /** Read corners. */
            corners: alpr.v1.Point.$Properties[];

            /** Read cropJpeg. */
            cropJpeg: Uint8Array;

            /** Read contextJpeg. */
            contextJpeg: Uint8Array;

            /** Read deviceCapturedAtMs. */
            deviceCapturedAtMs: number;

            /** Read vehicleColour. */
            vehicleColour: string;

            /**
             * Creates a new Read instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Read instance
             */
            static create(properties: alpr.v1.Read.$Shape): alpr.v1.Read & alpr.v1.Read.$Shape;
            static create(properties?: alpr.v1.Read.$Properties): alpr.v1.Read;

            /**
             * Encodes the specified Read message. Does not implicitly {@link alpr.v1.Read.verify|verify} messages.
             * @param m Read message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.Read.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Read message, length delimited. Does not implicitly {@link alpr.v1.Read.verify|verify} messages.
             * @param message Read message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.Read.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Read message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.Read & alpr.v1.Read.$Shape} Read
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.Read & alpr.v1.Read.$Shape;

            /**
             * Decodes a Read message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.Read & alpr.v1.Read.$Shape} Read
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.Read & alpr.v1.Read.$Shape;

            /**
             * Verifies a Read message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Read message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Read
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.Read;

            /**
             * Creates a plain object from a Read message. Also converts values to other types if specified.
             * @param m Read
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.Read, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Read to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Read
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Read {

            /** Properties of a Read. */
            interface $Properties {

                /** Read id */
                id?: (string|null);

                /** Read capturedAtMs */
                capturedAtMs?: (number|null);

                /** Read siteId */
                siteId?: (string|null);

                /** Read cameraId */
                cameraId?: (string|null);

                /** Read plate */
                plate?: (string|null);

                /** Read confidence */
                confidence?: (number|null);

                /** Read charConfidences */
                charConfidences?: (number[]|null);

                /** Read region */
                region?: (string|null);

                /** Read regionConfidence */
                regionConfidence?: (number|null);

                /** Read lowConfidence */
                lowConfidence?: (boolean|null);

                /** Read corners */
                corners?: (alpr.v1.Point.$Properties[]|null);

                /** Read cropJpeg */
                cropJpeg?: (Uint8Array|null);

                /** Read contextJpeg */
                contextJpeg?: (Uint8Array|null);

                /** Read deviceCapturedAtMs */
                deviceCapturedAtMs?: (number|null);

                /** Read vehicleColour */
                vehicleColour?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Read. */
            type $Shape = alpr.v1.Read.$Properties;
        }

        /**
         * Properties of a ReadBatch.
         * @deprecated Use alpr.v1.ReadBatch.$Properties instead.
         */
        interface IReadBatch extends alpr.v1.ReadBatch.$Properties {
        }

        /** Represents a ReadBatch. */
        class ReadBatch {

            /**
             * Constructs a new ReadBatch.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.ReadBatch.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ReadBatch deviceId. */
            deviceId: string;

            /** ReadBatch sequence. */
            sequence: number;

            /** ReadBatch sentAtMs. */
            sentAtMs: number;

            /** ReadBatch reads. */
            reads: alpr.v1.Read.$Properties[];

            /**
             * Creates a new ReadBatch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ReadBatch instance
             */
            static create(properties: alpr.v1.ReadBatch.$Shape): alpr.v1.ReadBatch & alpr.v1.ReadBatch.$Shape;
            static create(properties?: alpr.v1.ReadBatch.$Properties): alpr.v1.ReadBatch;

            /**
             * Encodes the specified ReadBatch message. Does not implicitly {@link alpr.v1.ReadBatch.verify|verify} messages.
             * @param m ReadBatch message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.ReadBatch.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ReadBatch message, length delimited. Does not implicitly {@link alpr.v1.ReadBatch.verify|verify} messages.
             * @param message ReadBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.ReadBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ReadBatch message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.ReadBatch & alpr.v1.ReadBatch.$Shape} ReadBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.ReadBatch & alpr.v1.ReadBatch.$Shape;

            /**
             * Decodes a ReadBatch message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.ReadBatch & alpr.v1.ReadBatch.$Shape} ReadBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.ReadBatch & alpr.v1.ReadBatch.$Shape;

            /**
             * Verifies a ReadBatch message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ReadBatch message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ReadBatch
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.ReadBatch;

            /**
             * Creates a plain object from a ReadBatch message. Also converts values to other types if specified.
             * @param m ReadBatch
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.ReadBatch, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ReadBatch to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ReadBatch
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ReadBatch {

            /** Properties of a ReadBatch. */
            interface $Properties {

                /** ReadBatch deviceId */
                deviceId?: (string|null);

                /** ReadBatch sequence */
                sequence?: (number|null);

                /** ReadBatch sentAtMs */
                sentAtMs?: (number|null);

                /** ReadBatch reads */
                reads?: (alpr.v1.Read.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ReadBatch. */
            type $Shape = alpr.v1.ReadBatch.$Properties;
        }

        /**
         * Properties of a SignedBatch.
         * @deprecated Use alpr.v1.SignedBatch.$Properties instead.
         */
        interface ISignedBatch extends alpr.v1.SignedBatch.$Properties {
        }

        /** Represents a SignedBatch. */
        class SignedBatch {

            /**
             * Constructs a new SignedBatch.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.SignedBatch.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SignedBatch batch. */
            batch: Uint8Array;

            /** SignedBatch signature. */
            signature: Uint8Array;

            /** SignedBatch labelledSignature. */
            labelledSignature: Uint8Array;

            /**
             * Creates a new SignedBatch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SignedBatch instance
             */
            static create(properties: alpr.v1.SignedBatch.$Shape): alpr.v1.SignedBatch & alpr.v1.SignedBatch.$Shape;
            static create(properties?: alpr.v1.SignedBatch.$Properties): alpr.v1.SignedBatch;

            /**
             * Encodes the specified SignedBatch message. Does not implicitly {@link alpr.v1.SignedBatch.verify|verify} messages.
             * @param m SignedBatch message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.SignedBatch.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SignedBatch message, length delimited. Does not implicitly {@link alpr.v1.SignedBatch.verify|verify} messages.
             * @param message SignedBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.SignedBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SignedBatch message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.SignedBatch & alpr.v1.SignedBatch.$Shape} SignedBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.SignedBatch & alpr.v1.SignedBatch.$Shape;

            /**
             * Decodes a SignedBatch message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.SignedBatch & alpr.v1.SignedBatch.$Shape} SignedBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.SignedBatch & alpr.v1.SignedBatch.$Shape;

            /**
             * Verifies a SignedBatch message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a SignedBatch message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns SignedBatch
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.SignedBatch;

            /**
             * Creates a plain object from a SignedBatch message. Also converts values to other types if specified.
             * @param m SignedBatch
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.SignedBatch, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SignedBatch to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SignedBatch
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SignedBatch {

            /** Properties of a SignedBatch. */
            interface $Properties {

                /** SignedBatch batch */
                batch?: (Uint8Array|null);

                /** SignedBatch signature */
                signature?: (Uint8Array|null);

                /** SignedBatch labelledSignature */
                labelledSignature?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SignedBatch. */
            type $Shape = alpr.v1.SignedBatch.$Properties;
        }

        /**
         * Properties of a SealedEnvelope.
         * @deprecated Use alpr.v1.SealedEnvelope.$Properties instead.
         */
        interface ISealedEnvelope extends alpr.v1.SealedEnvelope.$Properties {
        }

        /** Represents a SealedEnvelope. */
        class SealedEnvelope {

            /**
             * Constructs a new SealedEnvelope.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.SealedEnvelope.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SealedEnvelope version. */
            version: number;

            /** SealedEnvelope deviceId. */
            deviceId: string;

            /** SealedEnvelope ephemeralPublicKey. */
            ephemeralPublicKey: Uint8Array;

            /** SealedEnvelope nonce. */
            nonce: Uint8Array;

            /** SealedEnvelope ciphertext. */
            ciphertext: Uint8Array;

            /** SealedEnvelope hubKeyId. */
            hubKeyId: string;

            /**
             * Creates a new SealedEnvelope instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SealedEnvelope instance
             */
            static create(properties: alpr.v1.SealedEnvelope.$Shape): alpr.v1.SealedEnvelope & alpr.v1.SealedEnvelope.$Shape;
            static create(properties?: alpr.v1.SealedEnvelope.$Properties): alpr.v1.SealedEnvelope;

            /**
             * Encodes the specified SealedEnvelope message. Does not implicitly {@link alpr.v1.SealedEnvelope.verify|verify} messages.
             * @param m SealedEnvelope message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.SealedEnvelope.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SealedEnvelope message, length delimited. Does not implicitly {@link alpr.v1.SealedEnvelope.verify|verify} messages.
             * @param message SealedEnvelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.SealedEnvelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SealedEnvelope message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.SealedEnvelope & alpr.v1.SealedEnvelope.$Shape} SealedEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.SealedEnvelope & alpr.v1.SealedEnvelope.$Shape;

            /**
             * Decodes a SealedEnvelope message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.SealedEnvelope & alpr.v1.SealedEnvelope.$Shape} SealedEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.SealedEnvelope & alpr.v1.SealedEnvelope.$Shape;

            /**
             * Verifies a SealedEnvelope message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a SealedEnvelope message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns SealedEnvelope
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.SealedEnvelope;

            /**
             * Creates a plain object from a SealedEnvelope message. Also converts values to other types if specified.
             * @param m SealedEnvelope
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.SealedEnvelope, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SealedEnvelope to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SealedEnvelope
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SealedEnvelope {

            /** Properties of a SealedEnvelope. */
            interface $Properties {

                /** SealedEnvelope version */
                version?: (number|null);

                /** SealedEnvelope deviceId */
                deviceId?: (string|null);

                /** SealedEnvelope ephemeralPublicKey */
                ephemeralPublicKey?: (Uint8Array|null);

                /** SealedEnvelope nonce */
                nonce?: (Uint8Array|null);

                /** SealedEnvelope ciphertext */
                ciphertext?: (Uint8Array|null);

                /** SealedEnvelope hubKeyId */
                hubKeyId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SealedEnvelope. */
            type $Shape = alpr.v1.SealedEnvelope.$Properties;
        }

        /**
         * Properties of a Rejection.
         * @deprecated Use alpr.v1.Rejection.$Properties instead.
         */
        interface IRejection extends alpr.v1.Rejection.$Properties {
        }

        /** Represents a Rejection. */
        class Rejection {

            /**
             * Constructs a new Rejection.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.Rejection.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Rejection readId. */
            readId: string;

            /** Rejection reason. */
            reason: string;

            /**
             * Creates a new Rejection instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Rejection instance
             */
            static create(properties: alpr.v1.Rejection.$Shape): alpr.v1.Rejection & alpr.v1.Rejection.$Shape;
            static create(properties?: alpr.v1.Rejection.$Properties): alpr.v1.Rejection;

            /**
             * Encodes the specified Rejection message. Does not implicitly {@link alpr.v1.Rejection.verify|verify} messages.
             * @param m Rejection message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.Rejection.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Rejection message, length delimited. Does not implicitly {@link alpr.v1.Rejection.verify|verify} messages.
             * @param message Rejection message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.Rejection.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Rejection message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.Rejection & alpr.v1.Rejection.$Shape} Rejection
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.Rejection & alpr.v1.Rejection.$Shape;

            /**
             * Decodes a Rejection message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.Rejection & alpr.v1.Rejection.$Shape} Rejection
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.Rejection & alpr.v1.Rejection.$Shape;

            /**
             * Verifies a Rejection message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Rejection message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Rejection
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.Rejection;

            /**
             * Creates a plain object from a Rejection message. Also converts values to other types if specified.
             * @param m Rejection
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.Rejection, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Rejection to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Rejection
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Rejection {

            /** Properties of a Rejection. */
            interface $Properties {

                /** Rejection readId */
                readId?: (string|null);

                /** Rejection reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Rejection. */
            type $Shape = alpr.v1.Rejection.$Properties;
        }

        /** Refusal enum. */
        enum Refusal {

            /** REFUSAL_NONE value */
            REFUSAL_NONE = 0,

            /** REFUSAL_RETRY value */
            REFUSAL_RETRY = 1,

            /** REFUSAL_TOO_LARGE value */
            REFUSAL_TOO_LARGE = 2,

            /** REFUSAL_HUB_KEY value */
            REFUSAL_HUB_KEY = 3,

            /** REFUSAL_UNREADABLE value */
            REFUSAL_UNREADABLE = 4
        }

        /**
         * Properties of a BatchAck.
         * @deprecated Use alpr.v1.BatchAck.$Properties instead.
         */
        interface IBatchAck extends alpr.v1.BatchAck.$Properties {
        }

        /** Represents a BatchAck. */
        class BatchAck {

            /**
             * Constructs a new BatchAck.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.BatchAck.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** BatchAck deviceId. */
            deviceId: string;

            /** BatchAck sequence. */
            sequence: number;

            /** BatchAck acceptedReadIds. */
            acceptedReadIds: string[];

            /** BatchAck rejected. */
            rejected: alpr.v1.Rejection.$Properties[];

            /** BatchAck batchError. */
            batchError: string;

            /** BatchAck ackedAtMs. */
            ackedAtMs: number;

            /** BatchAck refusal. */
            refusal: alpr.v1.Refusal;

            /** BatchAck maxBatchBytes. */
            maxBatchBytes: number;

            /** BatchAck envelopeSha256. */
            envelopeSha256: Uint8Array;

            /**
             * Creates a new BatchAck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns BatchAck instance
             */
            static create(properties: alpr.v1.BatchAck.$Shape): alpr.v1.BatchAck & alpr.v1.BatchAck.$Shape;
            static create(properties?: alpr.v1.BatchAck.$Properties): alpr.v1.BatchAck;

            /**
             * Encodes the specified BatchAck message. Does not implicitly {@link alpr.v1.BatchAck.verify|verify} messages.
             * @param m BatchAck message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.BatchAck.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified BatchAck message, length delimited. Does not implicitly {@link alpr.v1.BatchAck.verify|verify} messages.
             * @param message BatchAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.BatchAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a BatchAck message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.BatchAck & alpr.v1.BatchAck.$Shape} BatchAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.BatchAck & alpr.v1.BatchAck.$Shape;

            /**
             * Decodes a BatchAck message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.BatchAck & alpr.v1.BatchAck.$Shape} BatchAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.BatchAck & alpr.v1.BatchAck.$Shape;

            /**
             * Verifies a BatchAck message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a BatchAck message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns BatchAck
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.BatchAck;

            /**
             * Creates a plain object from a BatchAck message. Also converts values to other types if specified.
             * @param m BatchAck
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.BatchAck, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this BatchAck to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for BatchAck
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace BatchAck {

            /** Properties of a BatchAck. */
            interface $Properties {

                /** BatchAck deviceId */
                deviceId?: (string|null);

                /** BatchAck sequence */
                sequence?: (number|null);

                /** BatchAck acceptedReadIds */
                acceptedReadIds?: (string[]|null);

                /** BatchAck rejected */
                rejected?: (alpr.v1.Rejection.$Properties[]|null);

                /** BatchAck batchError */
                batchError?: (string|null);

                /** BatchAck ackedAtMs */
                ackedAtMs?: (number|null);

                /** BatchAck refusal */
                refusal?: (alpr.v1.Refusal|null);

                /** BatchAck maxBatchBytes */
                maxBatchBytes?: (number|null);

                /** BatchAck envelopeSha256 */
                envelopeSha256?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a BatchAck. */
            type $Shape = alpr.v1.BatchAck.$Properties;
        }

        /**
         * Properties of a SignedAck.
         * @deprecated Use alpr.v1.SignedAck.$Properties instead.
         */
        interface ISignedAck extends alpr.v1.SignedAck.$Properties {
        }

        /** Represents a SignedAck. */
        class SignedAck {

            /**
             * Constructs a new SignedAck.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.SignedAck.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SignedAck ack. */
            ack: Uint8Array;

            /** SignedAck signature. */
            signature: Uint8Array;

            /** SignedAck labelledSignature. */
            labelledSignature: Uint8Array;

            /**
             * Creates a new SignedAck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SignedAck instance
             */
            static create(properties: alpr.v1.SignedAck.$Shape): alpr.v1.SignedAck & alpr.v1.SignedAck.$Shape;
            static create(properties?: alpr.v1.SignedAck.$Properties): alpr.v1.SignedAck;

            /**
             * Encodes the specified SignedAck message. Does not implicitly {@link alpr.v1.SignedAck.verify|verify} messages.
             * @param m SignedAck message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.SignedAck.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SignedAck message, length delimited. Does not implicitly {@link alpr.v1.SignedAck.verify|verify} messages.
             * @param message SignedAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.SignedAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SignedAck message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.SignedAck & alpr.v1.SignedAck.$Shape} SignedAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.SignedAck & alpr.v1.SignedAck.$Shape;

            /**
             * Decodes a SignedAck message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.SignedAck & alpr.v1.SignedAck.$Shape} SignedAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.SignedAck & alpr.v1.SignedAck.$Shape;

            /**
             * Verifies a SignedAck message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a SignedAck message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns SignedAck
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.SignedAck;

            /**
             * Creates a plain object from a SignedAck message. Also converts values to other types if specified.
             * @param m SignedAck
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.SignedAck, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SignedAck to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SignedAck
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SignedAck {

            /** Properties of a SignedAck. */
            interface $Properties {

                /** SignedAck ack */
                ack?: (Uint8Array|null);

                /** SignedAck signature */
                signature?: (Uint8Array|null);

                /** SignedAck labelledSignature */
                labelledSignature?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SignedAck. */
            type $Shape = alpr.v1.SignedAck.$Properties;
        }

        /**
         * Properties of a DeviceStatus.
         * @deprecated Use alpr.v1.DeviceStatus.$Properties instead.
         */
        interface IDeviceStatus extends alpr.v1.DeviceStatus.$Properties {
        }

        /** Represents a DeviceStatus. */
        class DeviceStatus {

            /**
             * Constructs a new DeviceStatus.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.DeviceStatus.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DeviceStatus deviceId. */
            deviceId: string;

            /** DeviceStatus online. */
            online: boolean;

            /** DeviceStatus atMs. */
            atMs: number;

            /** DeviceStatus unsyncedReads. */
            unsyncedReads: number;

            /** DeviceStatus oldestUnsyncedAgeS. */
            oldestUnsyncedAgeS: number;

            /** DeviceStatus lastAckedSequence. */
            lastAckedSequence: number;

            /** DeviceStatus tamperOpen. */
            tamperOpen: boolean;

            /** DeviceStatus healthJson. */
            healthJson: string;

            /** DeviceStatus quarantinedReads. */
            quarantinedReads: number;

            /** DeviceStatus hotlistVersion. */
            hotlistVersion: number;

            /**
             * Creates a new DeviceStatus instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeviceStatus instance
             */
            static create(properties: alpr.v1.DeviceStatus.$Shape): alpr.v1.DeviceStatus & alpr.v1.DeviceStatus.$Shape;
            static create(properties?: alpr.v1.DeviceStatus.$Properties): alpr.v1.DeviceStatus;

            /**
             * Encodes the specified DeviceStatus message. Does not implicitly {@link alpr.v1.DeviceStatus.verify|verify} messages.
             * @param m DeviceStatus message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.DeviceStatus.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified DeviceStatus message, length delimited. Does not implicitly {@link alpr.v1.DeviceStatus.verify|verify} messages.
             * @param message DeviceStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.DeviceStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeviceStatus message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.DeviceStatus & alpr.v1.DeviceStatus.$Shape} DeviceStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.DeviceStatus & alpr.v1.DeviceStatus.$Shape;

            /**
             * Decodes a DeviceStatus message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.DeviceStatus & alpr.v1.DeviceStatus.$Shape} DeviceStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.DeviceStatus & alpr.v1.DeviceStatus.$Shape;

            /**
             * Verifies a DeviceStatus message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a DeviceStatus message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns DeviceStatus
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.DeviceStatus;

            /**
             * Creates a plain object from a DeviceStatus message. Also converts values to other types if specified.
             * @param m DeviceStatus
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.DeviceStatus, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeviceStatus to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for DeviceStatus
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeviceStatus {

            /** Properties of a DeviceStatus. */
            interface $Properties {

                /** DeviceStatus deviceId */
                deviceId?: (string|null);

                /** DeviceStatus online */
                online?: (boolean|null);

                /** DeviceStatus atMs */
                atMs?: (number|null);

                /** DeviceStatus unsyncedReads */
                unsyncedReads?: (number|null);

                /** DeviceStatus oldestUnsyncedAgeS */
                oldestUnsyncedAgeS?: (number|null);

                /** DeviceStatus lastAckedSequence */
                lastAckedSequence?: (number|null);

                /** DeviceStatus tamperOpen */
                tamperOpen?: (boolean|null);

                /** DeviceStatus healthJson */
                healthJson?: (string|null);

                /** DeviceStatus quarantinedReads */
                quarantinedReads?: (number|null);

                /** DeviceStatus hotlistVersion */
                hotlistVersion?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DeviceStatus. */
            type $Shape = alpr.v1.DeviceStatus.$Properties;
        }

        /**
         * Properties of a HotlistEntry.
         * @deprecated Use alpr.v1.HotlistEntry.$Properties instead.
         */
        interface IHotlistEntry extends alpr.v1.HotlistEntry.$Properties {
        }

        /** Represents a HotlistEntry. */
        class HotlistEntry {

            /**
             * Constructs a new HotlistEntry.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.HotlistEntry.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HotlistEntry entryId. */
            entryId: string;

            /** HotlistEntry plate. */
            plate: string;

            /** HotlistEntry state. */
            state: string;

            /** HotlistEntry plateType. */
            plateType: string;

            /** HotlistEntry vehicleMake. */
            vehicleMake: string;

            /** HotlistEntry vehicleColour. */
            vehicleColour: string;

            /** HotlistEntry vehicleType. */
            vehicleType: string;

            /** HotlistEntry priority. */
            priority: number;

            /** HotlistEntry action. */
            action: string;

            /** HotlistEntry source. */
            source: string;

            /** HotlistEntry category. */
            category: string;

            /** HotlistEntry expiresAtMs. */
            expiresAtMs: number;

            /**
             * Creates a new HotlistEntry instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HotlistEntry instance
             */
            static create(properties: alpr.v1.HotlistEntry.$Shape): alpr.v1.HotlistEntry & alpr.v1.HotlistEntry.$Shape;
            static create(properties?: alpr.v1.HotlistEntry.$Properties): alpr.v1.HotlistEntry;

            /**
             * Encodes the specified HotlistEntry message. Does not implicitly {@link alpr.v1.HotlistEntry.verify|verify} messages.
             * @param m HotlistEntry message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.HotlistEntry.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified HotlistEntry message, length delimited. Does not implicitly {@link alpr.v1.HotlistEntry.verify|verify} messages.
             * @param message HotlistEntry message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.HotlistEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HotlistEntry message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.HotlistEntry & alpr.v1.HotlistEntry.$Shape} HotlistEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.HotlistEntry & alpr.v1.HotlistEntry.$Shape;

            /**
             * Decodes a HotlistEntry message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.HotlistEntry & alpr.v1.HotlistEntry.$Shape} HotlistEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.HotlistEntry & alpr.v1.HotlistEntry.$Shape;

            /**
             * Verifies a HotlistEntry message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a HotlistEntry message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns HotlistEntry
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.HotlistEntry;

            /**
             * Creates a plain object from a HotlistEntry message. Also converts values to other types if specified.
             * @param m HotlistEntry
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.HotlistEntry, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HotlistEntry to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for HotlistEntry
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace HotlistEntry {

            /** Properties of a HotlistEntry. */
            interface $Properties {

                /** HotlistEntry entryId */
                entryId?: (string|null);

                /** HotlistEntry plate */
                plate?: (string|null);

                /** HotlistEntry state */
                state?: (string|null);

                /** HotlistEntry plateType */
                plateType?: (string|null);

                /** HotlistEntry vehicleMake */
                vehicleMake?: (string|null);

                /** HotlistEntry vehicleColour */
                vehicleColour?: (string|null);

                /** HotlistEntry vehicleType */
                vehicleType?: (string|null);

                /** HotlistEntry priority */
                priority?: (number|null);

                /** HotlistEntry action */
                action?: (string|null);

                /** HotlistEntry source */
                source?: (string|null);

                /** HotlistEntry category */
                category?: (string|null);

                /** HotlistEntry expiresAtMs */
                expiresAtMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HotlistEntry. */
            type $Shape = alpr.v1.HotlistEntry.$Properties;
        }

        /**
         * Properties of a HotlistUpdate.
         * @deprecated Use alpr.v1.HotlistUpdate.$Properties instead.
         */
        interface IHotlistUpdate extends alpr.v1.HotlistUpdate.$Properties {
        }

        /** Represents a HotlistUpdate. */
        class HotlistUpdate {

            /**
             * Constructs a new HotlistUpdate.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.HotlistUpdate.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HotlistUpdate deviceId. */
            deviceId: string;

            /** HotlistUpdate version. */
            version: number;

            /** HotlistUpdate baseVersion. */
            baseVersion: number;

            /** HotlistUpdate snapshot. */
            snapshot: boolean;

            /** HotlistUpdate part. */
            part: number;

            /** HotlistUpdate parts. */
            parts: number;

            /** HotlistUpdate upserts. */
            upserts: alpr.v1.HotlistEntry.$Properties[];

            /** HotlistUpdate removedEntryIds. */
            removedEntryIds: string[];

            /** HotlistUpdate issuedAtMs. */
            issuedAtMs: number;

            /** HotlistUpdate listExpiresAtMs. */
            listExpiresAtMs: number;

            /**
             * Creates a new HotlistUpdate instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HotlistUpdate instance
             */
            static create(properties: alpr.v1.HotlistUpdate.$Shape): alpr.v1.HotlistUpdate & alpr.v1.HotlistUpdate.$Shape;
            static create(properties?: alpr.v1.HotlistUpdate.$Properties): alpr.v1.HotlistUpdate;

            /**
             * Encodes the specified HotlistUpdate message. Does not implicitly {@link alpr.v1.HotlistUpdate.verify|verify} messages.
             * @param m HotlistUpdate message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.HotlistUpdate.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified HotlistUpdate message, length delimited. Does not implicitly {@link alpr.v1.HotlistUpdate.verify|verify} messages.
             * @param message HotlistUpdate message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.HotlistUpdate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HotlistUpdate message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.HotlistUpdate & alpr.v1.HotlistUpdate.$Shape} HotlistUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.HotlistUpdate & alpr.v1.HotlistUpdate.$Shape;

            /**
             * Decodes a HotlistUpdate message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.HotlistUpdate & alpr.v1.HotlistUpdate.$Shape} HotlistUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.HotlistUpdate & alpr.v1.HotlistUpdate.$Shape;

            /**
             * Verifies a HotlistUpdate message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a HotlistUpdate message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns HotlistUpdate
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.HotlistUpdate;

            /**
             * Creates a plain object from a HotlistUpdate message. Also converts values to other types if specified.
             * @param m HotlistUpdate
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.HotlistUpdate, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HotlistUpdate to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for HotlistUpdate
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace HotlistUpdate {

            /** Properties of a HotlistUpdate. */
            interface $Properties {

                /** HotlistUpdate deviceId */
                deviceId?: (string|null);

                /** HotlistUpdate version */
                version?: (number|null);

                /** HotlistUpdate baseVersion */
                baseVersion?: (number|null);

                /** HotlistUpdate snapshot */
                snapshot?: (boolean|null);

                /** HotlistUpdate part */
                part?: (number|null);

                /** HotlistUpdate parts */
                parts?: (number|null);

                /** HotlistUpdate upserts */
                upserts?: (alpr.v1.HotlistEntry.$Properties[]|null);

                /** HotlistUpdate removedEntryIds */
                removedEntryIds?: (string[]|null);

                /** HotlistUpdate issuedAtMs */
                issuedAtMs?: (number|null);

                /** HotlistUpdate listExpiresAtMs */
                listExpiresAtMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HotlistUpdate. */
            type $Shape = alpr.v1.HotlistUpdate.$Properties;
        }

        /**
         * Properties of a HotlistUpdateFrame.
         * @deprecated Use alpr.v1.HotlistUpdateFrame.$Properties instead.
         */
        interface IHotlistUpdateFrame extends alpr.v1.HotlistUpdateFrame.$Properties {
        }

        /** Represents a HotlistUpdateFrame. */
        class HotlistUpdateFrame {

            /**
             * Constructs a new HotlistUpdateFrame.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.HotlistUpdateFrame.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HotlistUpdateFrame deviceId. */
            deviceId: string;

            /** HotlistUpdateFrame version. */
            version: number;

            /** HotlistUpdateFrame baseVersion. */
            baseVersion: number;

            /** HotlistUpdateFrame snapshot. */
            snapshot: boolean;

            /** HotlistUpdateFrame part. */
            part: number;

            /** HotlistUpdateFrame parts. */
            parts: number;

            /** HotlistUpdateFrame upserts. */
            upserts: Uint8Array[];

            /** HotlistUpdateFrame removedEntryIds. */
            removedEntryIds: string[];

            /** HotlistUpdateFrame issuedAtMs. */
            issuedAtMs: number;

            /** HotlistUpdateFrame listExpiresAtMs. */
            listExpiresAtMs: number;

            /**
             * Creates a new HotlistUpdateFrame instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HotlistUpdateFrame instance
             */
            static create(properties: alpr.v1.HotlistUpdateFrame.$Shape): alpr.v1.HotlistUpdateFrame & alpr.v1.HotlistUpdateFrame.$Shape;
            static create(properties?: alpr.v1.HotlistUpdateFrame.$Properties): alpr.v1.HotlistUpdateFrame;

            /**
             * Encodes the specified HotlistUpdateFrame message. Does not implicitly {@link alpr.v1.HotlistUpdateFrame.verify|verify} messages.
             * @param m HotlistUpdateFrame message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.HotlistUpdateFrame.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified HotlistUpdateFrame message, length delimited. Does not implicitly {@link alpr.v1.HotlistUpdateFrame.verify|verify} messages.
             * @param message HotlistUpdateFrame message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.HotlistUpdateFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HotlistUpdateFrame message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.HotlistUpdateFrame & alpr.v1.HotlistUpdateFrame.$Shape} HotlistUpdateFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.HotlistUpdateFrame & alpr.v1.HotlistUpdateFrame.$Shape;

            /**
             * Decodes a HotlistUpdateFrame message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.HotlistUpdateFrame & alpr.v1.HotlistUpdateFrame.$Shape} HotlistUpdateFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.HotlistUpdateFrame & alpr.v1.HotlistUpdateFrame.$Shape;

            /**
             * Verifies a HotlistUpdateFrame message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a HotlistUpdateFrame message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns HotlistUpdateFrame
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.HotlistUpdateFrame;

            /**
             * Creates a plain object from a HotlistUpdateFrame message. Also converts values to other types if specified.
             * @param m HotlistUpdateFrame
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.HotlistUpdateFrame, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HotlistUpdateFrame to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for HotlistUpdateFrame
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace HotlistUpdateFrame {

            /** Properties of a HotlistUpdateFrame. */
            interface $Properties {

                /** HotlistUpdateFrame deviceId */
                deviceId?: (string|null);

                /** HotlistUpdateFrame version */
                version?: (number|null);

                /** HotlistUpdateFrame baseVersion */
                baseVersion?: (number|null);

                /** HotlistUpdateFrame snapshot */
                snapshot?: (boolean|null);

                /** HotlistUpdateFrame part */
                part?: (number|null);

                /** HotlistUpdateFrame parts */
                parts?: (number|null);

                /** HotlistUpdateFrame upserts */
                upserts?: (Uint8Array[]|null);

                /** HotlistUpdateFrame removedEntryIds */
                removedEntryIds?: (string[]|null);

                /** HotlistUpdateFrame issuedAtMs */
                issuedAtMs?: (number|null);

                /** HotlistUpdateFrame listExpiresAtMs */
                listExpiresAtMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HotlistUpdateFrame. */
            type $Shape = alpr.v1.HotlistUpdateFrame.$Properties;
        }

        /**
         * Properties of a SignedHotlistUpdate.
         * @deprecated Use alpr.v1.SignedHotlistUpdate.$Properties instead.
         */
        interface ISignedHotlistUpdate extends alpr.v1.SignedHotlistUpdate.$Properties {
        }

        /** Represents a SignedHotlistUpdate. */
        class SignedHotlistUpdate {

            /**
             * Constructs a new SignedHotlistUpdate.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.SignedHotlistUpdate.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SignedHotlistUpdate update. */
            update: Uint8Array;

            /** SignedHotlistUpdate signature. */
            signature: Uint8Array;

            /** SignedHotlistUpdate labelledSignature. */
            labelledSignature: Uint8Array;

            /**
             * Creates a new SignedHotlistUpdate instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SignedHotlistUpdate instance
             */
            static create(properties: alpr.v1.SignedHotlistUpdate.$Shape): alpr.v1.SignedHotlistUpdate & alpr.v1.SignedHotlistUpdate.$Shape;
            static create(properties?: alpr.v1.SignedHotlistUpdate.$Properties): alpr.v1.SignedHotlistUpdate;

            /**
             * Encodes the specified SignedHotlistUpdate message. Does not implicitly {@link alpr.v1.SignedHotlistUpdate.verify|verify} messages.
             * @param m SignedHotlistUpdate message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.SignedHotlistUpdate.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SignedHotlistUpdate message, length delimited. Does not implicitly {@link alpr.v1.SignedHotlistUpdate.verify|verify} messages.
             * @param message SignedHotlistUpdate message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.SignedHotlistUpdate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SignedHotlistUpdate message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.SignedHotlistUpdate & alpr.v1.SignedHotlistUpdate.$Shape} SignedHotlistUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.SignedHotlistUpdate & alpr.v1.SignedHotlistUpdate.$Shape;

            /**
             * Decodes a SignedHotlistUpdate message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.SignedHotlistUpdate & alpr.v1.SignedHotlistUpdate.$Shape} SignedHotlistUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.SignedHotlistUpdate & alpr.v1.SignedHotlistUpdate.$Shape;

            /**
             * Verifies a SignedHotlistUpdate message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a SignedHotlistUpdate message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns SignedHotlistUpdate
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.SignedHotlistUpdate;

            /**
             * Creates a plain object from a SignedHotlistUpdate message. Also converts values to other types if specified.
             * @param m SignedHotlistUpdate
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.SignedHotlistUpdate, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SignedHotlistUpdate to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SignedHotlistUpdate
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SignedHotlistUpdate {

            /** Properties of a SignedHotlistUpdate. */
            interface $Properties {

                /** SignedHotlistUpdate update */
                update?: (Uint8Array|null);

                /** SignedHotlistUpdate signature */
                signature?: (Uint8Array|null);

                /** SignedHotlistUpdate labelledSignature */
                labelledSignature?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SignedHotlistUpdate. */
            type $Shape = alpr.v1.SignedHotlistUpdate.$Properties;
        }

        /**
         * Properties of an AlertHit.
         * @deprecated Use alpr.v1.AlertHit.$Properties instead.
         */
        interface IAlertHit extends alpr.v1.AlertHit.$Properties {
        }

        /** Represents an AlertHit. */
        class AlertHit {

            /**
             * Constructs a new AlertHit.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.AlertHit.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AlertHit deviceId. */
            deviceId: string;

            /** AlertHit read. */
            read?: (alpr.v1.Read.$Properties|null);

            /** AlertHit entryId. */
            entryId: string;

            /** AlertHit nearMatch. */
            nearMatch: boolean;

            /** AlertHit matchedPlate. */
            matchedPlate: string;

            /** AlertHit hotlistVersion. */
            hotlistVersion: number;

            /** AlertHit matchedAtMs. */
            matchedAtMs: number;

            /**
             * Creates a new AlertHit instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AlertHit instance
             */
            static create(properties: alpr.v1.AlertHit.$Shape): alpr.v1.AlertHit & alpr.v1.AlertHit.$Shape;
            static create(properties?: alpr.v1.AlertHit.$Properties): alpr.v1.AlertHit;

            /**
             * Encodes the specified AlertHit message. Does not implicitly {@link alpr.v1.AlertHit.verify|verify} messages.
             * @param m AlertHit message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.AlertHit.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified AlertHit message, length delimited. Does not implicitly {@link alpr.v1.AlertHit.verify|verify} messages.
             * @param message AlertHit message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.AlertHit.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AlertHit message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.AlertHit & alpr.v1.AlertHit.$Shape} AlertHit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.AlertHit & alpr.v1.AlertHit.$Shape;

            /**
             * Decodes an AlertHit message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.AlertHit & alpr.v1.AlertHit.$Shape} AlertHit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.AlertHit & alpr.v1.AlertHit.$Shape;

            /**
             * Verifies an AlertHit message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an AlertHit message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns AlertHit
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.AlertHit;

            /**
             * Creates a plain object from an AlertHit message. Also converts values to other types if specified.
             * @param m AlertHit
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.AlertHit, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AlertHit to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for AlertHit
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AlertHit {

            /** Properties of an AlertHit. */
            interface $Properties {

                /** AlertHit deviceId */
                deviceId?: (string|null);

                /** AlertHit read */
                read?: (alpr.v1.Read.$Properties|null);

                /** AlertHit entryId */
                entryId?: (string|null);

                /** AlertHit nearMatch */
                nearMatch?: (boolean|null);

                /** AlertHit matchedPlate */
                matchedPlate?: (string|null);

                /** AlertHit hotlistVersion */
                hotlistVersion?: (number|null);

                /** AlertHit matchedAtMs */
                matchedAtMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AlertHit. */
            type $Shape = alpr.v1.AlertHit.$Properties;
        }

        /** AlertRefusal enum. */
        enum AlertRefusal {

            /** ALERT_REFUSAL_NONE value */
            ALERT_REFUSAL_NONE = 0,

            /** ALERT_REFUSAL_EXPIRED value */
            ALERT_REFUSAL_EXPIRED = 1
        }

        /**
         * Properties of an AlertAck.
         * @deprecated Use alpr.v1.AlertAck.$Properties instead.
         */
        interface IAlertAck extends alpr.v1.AlertAck.$Properties {
        }

        /** Represents an AlertAck. */
        class AlertAck {

            /**
             * Constructs a new AlertAck.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.AlertAck.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AlertAck deviceId. */
            deviceId: string;

            /** AlertAck readId. */
            readId: string;

            /** AlertAck entryId. */
            entryId: string;

            /** AlertAck ackedAtMs. */
            ackedAtMs: number;

            /** AlertAck refusal. */
            refusal: alpr.v1.AlertRefusal;

            /** AlertAck reason. */
            reason: string;

            /**
             * Creates a new AlertAck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AlertAck instance
             */
            static create(properties: alpr.v1.AlertAck.$Shape): alpr.v1.AlertAck & alpr.v1.AlertAck.$Shape;
            static create(properties?: alpr.v1.AlertAck.$Properties): alpr.v1.AlertAck;

            /**
             * Encodes the specified AlertAck message. Does not implicitly {@link alpr.v1.AlertAck.verify|verify} messages.
             * @param m AlertAck message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.AlertAck.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified AlertAck message, length delimited. Does not implicitly {@link alpr.v1.AlertAck.verify|verify} messages.
             * @param message AlertAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.AlertAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AlertAck message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.AlertAck & alpr.v1.AlertAck.$Shape} AlertAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.AlertAck & alpr.v1.AlertAck.$Shape;

            /**
             * Decodes an AlertAck message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.AlertAck & alpr.v1.AlertAck.$Shape} AlertAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.AlertAck & alpr.v1.AlertAck.$Shape;

            /**
             * Verifies an AlertAck message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an AlertAck message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns AlertAck
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.AlertAck;

            /**
             * Creates a plain object from an AlertAck message. Also converts values to other types if specified.
             * @param m AlertAck
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.AlertAck, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AlertAck to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for AlertAck
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AlertAck {

            /** Properties of an AlertAck. */
            interface $Properties {

                /** AlertAck deviceId */
                deviceId?: (string|null);

                /** AlertAck readId */
                readId?: (string|null);

                /** AlertAck entryId */
                entryId?: (string|null);

                /** AlertAck ackedAtMs */
                ackedAtMs?: (number|null);

                /** AlertAck refusal */
                refusal?: (alpr.v1.AlertRefusal|null);

                /** AlertAck reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AlertAck. */
            type $Shape = alpr.v1.AlertAck.$Properties;
        }

        /**
         * Properties of a SignedAlertAck.
         * @deprecated Use alpr.v1.SignedAlertAck.$Properties instead.
         */
        interface ISignedAlertAck extends alpr.v1.SignedAlertAck.$Properties {
        }

        /** Represents a SignedAlertAck. */
        class SignedAlertAck {

            /**
             * Constructs a new SignedAlertAck.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.SignedAlertAck.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SignedAlertAck ack. */
            ack: Uint8Array;

            /** SignedAlertAck signature. */
            signature: Uint8Array;

            /** SignedAlertAck labelledSignature. */
            labelledSignature: Uint8Array;

            /**
             * Creates a new SignedAlertAck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SignedAlertAck instance
             */
            static create(properties: alpr.v1.SignedAlertAck.$Shape): alpr.v1.SignedAlertAck & alpr.v1.SignedAlertAck.$Shape;
            static create(properties?: alpr.v1.SignedAlertAck.$Properties): alpr.v1.SignedAlertAck;

            /**
             * Encodes the specified SignedAlertAck message. Does not implicitly {@link alpr.v1.SignedAlertAck.verify|verify} messages.
             * @param m SignedAlertAck message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.SignedAlertAck.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SignedAlertAck message, length delimited. Does not implicitly {@link alpr.v1.SignedAlertAck.verify|verify} messages.
             * @param message SignedAlertAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.SignedAlertAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SignedAlertAck message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.SignedAlertAck & alpr.v1.SignedAlertAck.$Shape} SignedAlertAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.SignedAlertAck & alpr.v1.SignedAlertAck.$Shape;

            /**
             * Decodes a SignedAlertAck message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.SignedAlertAck & alpr.v1.SignedAlertAck.$Shape} SignedAlertAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.SignedAlertAck & alpr.v1.SignedAlertAck.$Shape;

            /**
             * Verifies a SignedAlertAck message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a SignedAlertAck message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns SignedAlertAck
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.SignedAlertAck;

            /**
             * Creates a plain object from a SignedAlertAck message. Also converts values to other types if specified.
             * @param m SignedAlertAck
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.SignedAlertAck, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SignedAlertAck to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SignedAlertAck
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SignedAlertAck {

            /** Properties of a SignedAlertAck. */
            interface $Properties {

                /** SignedAlertAck ack */
                ack?: (Uint8Array|null);

                /** SignedAlertAck signature */
                signature?: (Uint8Array|null);

                /** SignedAlertAck labelledSignature */
                labelledSignature?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SignedAlertAck. */
            type $Shape = alpr.v1.SignedAlertAck.$Properties;
        }

        /**
         * Properties of a ConfigPush.
         * @deprecated Use alpr.v1.ConfigPush.$Properties instead.
         */
        interface IConfigPush extends alpr.v1.ConfigPush.$Properties {
        }

        /** Represents a ConfigPush. */
        class ConfigPush {

            /**
             * Constructs a new ConfigPush.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.ConfigPush.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ConfigPush deviceId. */
            deviceId: string;

            /** ConfigPush hubTimeMs. */
            hubTimeMs: number;

            /** ConfigPush sealPublicKey. */
            sealPublicKey: Uint8Array;

            /** ConfigPush sealKeyId. */
            sealKeyId: string;

            /** ConfigPush sealKeySinceMs. */
            sealKeySinceMs: number;

            /**
             * Creates a new ConfigPush instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ConfigPush instance
             */
            static create(properties: alpr.v1.ConfigPush.$Shape): alpr.v1.ConfigPush & alpr.v1.ConfigPush.$Shape;
            static create(properties?: alpr.v1.ConfigPush.$Properties): alpr.v1.ConfigPush;

            /**
             * Encodes the specified ConfigPush message. Does not implicitly {@link alpr.v1.ConfigPush.verify|verify} messages.
             * @param m ConfigPush message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.ConfigPush.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ConfigPush message, length delimited. Does not implicitly {@link alpr.v1.ConfigPush.verify|verify} messages.
             * @param message ConfigPush message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.ConfigPush.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ConfigPush message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.ConfigPush & alpr.v1.ConfigPush.$Shape} ConfigPush
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.ConfigPush & alpr.v1.ConfigPush.$Shape;

            /**
             * Decodes a ConfigPush message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.ConfigPush & alpr.v1.ConfigPush.$Shape} ConfigPush
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.ConfigPush & alpr.v1.ConfigPush.$Shape;

            /**
             * Verifies a ConfigPush message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ConfigPush message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ConfigPush
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.ConfigPush;

            /**
             * Creates a plain object from a ConfigPush message. Also converts values to other types if specified.
             * @param m ConfigPush
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.ConfigPush, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ConfigPush to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ConfigPush
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ConfigPush {

            /** Properties of a ConfigPush. */
            interface $Properties {

                /** ConfigPush deviceId */
                deviceId?: (string|null);

                /** ConfigPush hubTimeMs */
                hubTimeMs?: (number|null);

                /** ConfigPush sealPublicKey */
                sealPublicKey?: (Uint8Array|null);

                /** ConfigPush sealKeyId */
                sealKeyId?: (string|null);

                /** ConfigPush sealKeySinceMs */
                sealKeySinceMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ConfigPush. */
            type $Shape = alpr.v1.ConfigPush.$Properties;
        }

        /**
         * Properties of a SignedConfigPush.
         * @deprecated Use alpr.v1.SignedConfigPush.$Properties instead.
         */
        interface ISignedConfigPush extends alpr.v1.SignedConfigPush.$Properties {
        }

        /** Represents a SignedConfigPush. */
        class SignedConfigPush {

            /**
             * Constructs a new SignedConfigPush.
             * @param [p] Properties to set
             */
            constructor(p?: alpr.v1.SignedConfigPush.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SignedConfigPush push. */
            push: Uint8Array;

            /** SignedConfigPush signature. */
            signature: Uint8Array;

            /** SignedConfigPush labelledSignature. */
            labelledSignature: Uint8Array;

            /**
             * Creates a new SignedConfigPush instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SignedConfigPush instance
             */
            static create(properties: alpr.v1.SignedConfigPush.$Shape): alpr.v1.SignedConfigPush & alpr.v1.SignedConfigPush.$Shape;
            static create(properties?: alpr.v1.SignedConfigPush.$Properties): alpr.v1.SignedConfigPush;

            /**
             * Encodes the specified SignedConfigPush message. Does not implicitly {@link alpr.v1.SignedConfigPush.verify|verify} messages.
             * @param m SignedConfigPush message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: alpr.v1.SignedConfigPush.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SignedConfigPush message, length delimited. Does not implicitly {@link alpr.v1.SignedConfigPush.verify|verify} messages.
             * @param message SignedConfigPush message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: alpr.v1.SignedConfigPush.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SignedConfigPush message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {alpr.v1.SignedConfigPush & alpr.v1.SignedConfigPush.$Shape} SignedConfigPush
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): alpr.v1.SignedConfigPush & alpr.v1.SignedConfigPush.$Shape;

            /**
             * Decodes a SignedConfigPush message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {alpr.v1.SignedConfigPush & alpr.v1.SignedConfigPush.$Shape} SignedConfigPush
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): alpr.v1.SignedConfigPush & alpr.v1.SignedConfigPush.$Shape;

            /**
             * Verifies a SignedConfigPush message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a SignedConfigPush message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns SignedConfigPush
             */
            static fromObject(d: { [k: string]: any }): alpr.v1.SignedConfigPush;

            /**
             * Creates a plain object from a SignedConfigPush message. Also converts values to other types if specified.
             * @param m SignedConfigPush
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: alpr.v1.SignedConfigPush, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SignedConfigPush to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SignedConfigPush
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SignedConfigPush {

            /** Properties of a SignedConfigPush. */
            interface $Properties {

                /** SignedConfigPush push */
                push?: (Uint8Array|null);

                /** SignedConfigPush signature */
                signature?: (Uint8Array|null);

                /** SignedConfigPush labelledSignature */
                labelledSignature?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SignedConfigPush. */
            type $Shape = alpr.v1.SignedConfigPush.$Properties;
        }
    }
}
