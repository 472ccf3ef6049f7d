import { haversineKm } from '../../../domain/assignment/geo';
import { packItems } from '../../../domain/assignment/packing';

describe('haversineKm', () => {
  const oslo = { lat: 59.9111, lon: 10.7528 };
  const bergen = { lat: 60.3913, lon: 5.3221 };
  const tromso = { lat: 69.6492, lon: 18.9553 };

  it('measures great-circle distances between Norwegian towns', () => {
    expect(haversineKm(oslo, bergen)).toBeGreaterThan(300);
    expect(haversineKm(oslo, bergen)).toBeLessThan(310);
    expect(haversineKm(oslo, tromso)).toBeGreaterThan(1140);
    expect(haversineKm(oslo, tromso)).toBeLessThan(1160);
  });

  it('is zero to itself and symmetric', () => {
    expect(haversineKm(oslo, oslo)).toBe(0);
    expect(haversineKm(bergen, tromso)).toBeCloseTo(haversineKm(tromso, bergen), 9);
  });
});

describe('packItems', () => {
  const fits = (sizes: number[], capacities: number[]) => {
    const packed = packItems(sizes, capacities);
    if (!packed) return false;
    const loads = capacities.map(() => 0);
    packed.forEach((network, i) => (loads[network] += sizes[i]));
    return loads.every((load, k) => load <= capacities[k]);
  };

  it('seats groups whole within every capacity', () => {
    expect(fits([3, 3, 2, 2], [5, 5])).toBe(true);
    expect(
      fits(
        [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
        [30, 30, 30],
      ),
    ).toBe(true);
    expect(packItems([], [30])).toEqual([]);
  });

  it('refuses when the seats left are fragmented, even if the total would do', () => {
    expect(packItems([2, 2, 2], [3, 3])).toBeNull();
    expect(packItems([3, 3, 3, 2], [4, 7])).toBeNull();
  });

  it('refuses more people than seats, and a group larger than any network', () => {
    expect(packItems([3, 3, 3], [4, 4])).toBeNull();
    expect(packItems([31], [30, 30, 30])).toBeNull();
  });

  it('finds a packing that first-fit would miss', () => {
    // First-fit decreasing puts 4+4 together and strands the last 3; 4+3+3 twice fits.
    expect(fits([4, 4, 3, 3, 3, 3], [10, 10])).toBe(true);
  });
});
