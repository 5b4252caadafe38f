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

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DeviceStatus. */
            type $Shape = alpr.v1.DeviceStatus.$Properties;
        }
    }
}
