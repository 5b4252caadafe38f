/**
 * The vehicle colours a read may carry: the names the appliance's classifier gives
 * (inference/vehicleColour.ts), the wire and the hub store, search filters and the console use.
 * Shared here because every part speaks it and none of them owns it. `unknown`: the classifier was
 * not sure, the frame had no colour (an infrared night frame), or the read came from an appliance
 * older than the field.
 */
export const VEHICLE_COLOURS = ['white', 'black', 'grey', 'silver', 'red', 'blue', 'green', 'yellow', 'brown', 'orange'] as const;
export type VehicleColour = (typeof VEHICLE_COLOURS)[number] | 'unknown';
export const READ_COLOURS: readonly VehicleColour[] = [...VEHICLE_COLOURS, 'unknown'];

export function isVehicleColour(value: unknown): value is VehicleColour {
  return typeof value === 'string' && (READ_COLOURS as readonly string[]).includes(value);
}
