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

export interface RailStation {
  name: string;
  lat: number;
  lon: number;
  /** The airport the station serves (Oslo lufthavn: OSL), or null. */
  airport: string | null;
}

export interface RailNetwork {
  /** Sorted by name. */
  stations: readonly RailStation[];
  /** Neighbouring stations along a line and the minutes between them (fastest regular train). */
  links: readonly (readonly [string, string, number])[];
}

/** One door-to-door journey as the model sees it. */
export interface Journey {
  hours: number;
  /**
   * The main way: by road all the way; by train (with road to and from the stations); or by
   * air (with road, or train, to and from the airports).
   */
  mode: 'road' | 'rail' | 'air';
  /** The airports flown through, in order (empty unless by air): ['BGO', 'OSL']. */
  airports: string[];
  /** Train rides in travel order: [{ from: 'Oslo lufthavn', to: 'Oslo S', afterFlight: true }]. */
  trains: TrainRide[];
}

export interface TrainRide {
  from: string;
  to: string;
  /** Taken from the arrival airport (rather than to the departure airport, or instead of flying). */
  afterFlight: boolean;
}
