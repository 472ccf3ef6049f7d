// The data the travel-time model runs on, and what it answers.

export interface Airport {
  /** IATA code: OSL, BGO. */
  iata: string;
  /** As OpenFlights spells it (ASCII): Gardermoen, Flesland. */
  name: string;
  /** The town it serves, as OpenFlights spells it: Oslo, Bergen, Alesund. */
  city: string;
  lat: number;
  lon: number;
}

export interface FlightNetwork {
  /** Sorted by code. */
  airports: readonly Airport[];
  /** Airport pairs with a scheduled non-stop flight (each pair once, codes sorted). */
  routes: readonly (readonly [string, string])[];
}

/** One door-to-door journey as the model sees it. */
export interface Journey {
  hours: number;
  /** By road all the way, or by road to an airport, one or more flights, and road again. */
  mode: 'road' | 'air';
  /** The airports flown through, in order (empty by road): ['BGO', 'OSL']. */
  airports: string[];
}
