/**
 * The fictional geography of Demo Borough, the synthetic authority.
 *
 * Twelve towns and neighbourhoods in a box of about 15 km by 15 km in the English
 * Midlands. The names are invented and are not real places in that box; any likeness to
 * a real locality elsewhere is coincidence. Postcodes use the area "DB", which is not a
 * real UK postcode area, so no address generated from this can be a real address.
 *
 * Data only: the seed generator draws from it with its own seeded Random.
 */

export const DEMO_BOROUGH_NAME = 'Demo Borough';

/** The postcode area. Not a real UK postcode area. */
export const POSTCODE_AREA = 'DB';

export interface BoundingBox {
  readonly south: number;
  readonly north: number;
  readonly west: number;
  readonly east: number;
}

/** Every town centre lies inside this box (about 14.5 km north–south, 15 km east–west). */
export const DEMO_BOROUGH_BOUNDS: BoundingBox = { south: 52.42, north: 52.55, west: -1.93, east: -1.71 };

export const TOWN_IDS = [
  'ashby-marsh',
  'kings-norwood',
  'fernley-green',
  'coldwater-heath',
  'saltbrook',
  'hazelford',
  'oakridge-vale',
  'whitlow-cross',
  'wrenfield',
  'st-aldwyns',
  'netherwick-fields',
  'copperfield-rise',
] as const;
export type TownId = (typeof TOWN_IDS)[number];

/** An outward postcode, such as DB7. */
export type PostcodeDistrict = `DB${number}`;

export type TownCharacter = 'town_centre' | 'inner_urban' | 'outer_estate' | 'suburban' | 'semi_rural';

export interface Town {
  readonly id: TownId;
  readonly name: string;
  readonly postcodeDistrict: PostcodeDistrict;
  /** Centre of the town, WGS84 decimal degrees. */
  readonly latitude: number;
  readonly longitude: number;
  /** Rough radius of the built-up area in kilometres, for scattering addresses about the centre. */
  readonly radiusKm: number;
  /** Relative share of the borough's children; the weights sum to 12. */
  readonly populationWeight: number;
  /**
   * Deprivation as an English Indices of Deprivation decile: 1 = among the most deprived
   * 10% of neighbourhoods in England, 10 = among the least deprived.
   */
  readonly deprivationDecile: number;
  readonly character: TownCharacter;
  readonly description: string;
}

export const TOWNS: readonly Town[] = [
  {
    id: 'ashby-marsh', name: 'Ashby Marsh', postcodeDistrict: 'DB1',
    latitude: 52.482, longitude: -1.82, radiusKm: 1.6, populationWeight: 1.3, deprivationDecile: 2,
    character: 'town_centre',
    description: 'The borough’s town centre: Victorian terraces, flats above shops, the council offices and the market.',
  },
  {
    id: 'kings-norwood', name: 'Kings Norwood', postcodeDistrict: 'DB2',
    latitude: 52.437, longitude: -1.887, radiusKm: 1.5, populationWeight: 1.2, deprivationDecile: 6,
    character: 'suburban',
    description: 'Interwar semi-detached suburb along the old turnpike road, with a busy high street.',
  },
  {
    id: 'fernley-green', name: 'Fernley Green', postcodeDistrict: 'DB3',
    latitude: 52.531, longitude: -1.768, radiusKm: 1.2, populationWeight: 0.8, deprivationDecile: 8,
    character: 'suburban',
    description: 'Leafy suburb of 1930s and 1980s housing around a village green.',
  },
  {
    id: 'coldwater-heath', name: 'Coldwater Heath', postcodeDistrict: 'DB4',
    latitude: 52.503, longitude: -1.902, radiusKm: 1.4, populationWeight: 1.3, deprivationDecile: 1,
    character: 'outer_estate',
    description: 'Large post-war council estate with 1960s maisonettes, partly regenerated.',
  },
  {
    id: 'saltbrook', name: 'Saltbrook', postcodeDistrict: 'DB5',
    latitude: 52.468, longitude: -1.741, radiusKm: 1.3, populationWeight: 1.0, deprivationDecile: 4,
    character: 'inner_urban',
    description: 'Former brickworks town by the canal: terraces, new-build flats and a retail park.',
  },
  {
    id: 'hazelford', name: 'Hazelford', postcodeDistrict: 'DB6',
    latitude: 52.445, longitude: -1.795, radiusKm: 1.2, populationWeight: 0.9, deprivationDecile: 7,
    character: 'suburban',
    description: 'Mixed suburb of owner-occupied semis and a 1990s housing association development.',
  },
  {
    id: 'oakridge-vale', name: 'Oakridge Vale', postcodeDistrict: 'DB7',
    latitude: 52.54, longitude: -1.858, radiusKm: 1.1, populationWeight: 0.7, deprivationDecile: 9,
    character: 'suburban',
    description: 'Affluent commuter suburb of detached houses on the northern ridge.',
  },
  {
    id: 'whitlow-cross', name: 'Whitlow Cross', postcodeDistrict: 'DB8',
    latitude: 52.492, longitude: -1.862, radiusKm: 1.5, populationWeight: 1.5, deprivationDecile: 1,
    character: 'inner_urban',
    description: 'Dense inner area of Victorian terraces and former foundries; young, diverse and crowded.',
  },
  {
    id: 'wrenfield', name: 'Wrenfield', postcodeDistrict: 'DB9',
    latitude: 52.515, longitude: -1.725, radiusKm: 0.8, populationWeight: 0.5, deprivationDecile: 10,
    character: 'semi_rural',
    description: 'Village on the borough’s eastern edge, with farms, a caravan site and scattered new estates.',
  },
  {
    id: 'st-aldwyns', name: "St Aldwyn's", postcodeDistrict: 'DB10',
    latitude: 52.461, longitude: -1.92, radiusKm: 1.3, populationWeight: 1.1, deprivationDecile: 3,
    character: 'inner_urban',
    description: 'Terraced streets around the parish church and a long shopping parade.',
  },
  {
    id: 'netherwick-fields', name: 'Netherwick Fields', postcodeDistrict: 'DB11',
    latitude: 52.425, longitude: -1.742, radiusKm: 1.2, populationWeight: 0.7, deprivationDecile: 5,
    character: 'outer_estate',
    description: 'Overspill estate of the 1970s beside newer private housing on the southern fields.',
  },
  {
    id: 'copperfield-rise', name: 'Copperfield Rise', postcodeDistrict: 'DB12',
    latitude: 52.52, longitude: -1.815, radiusKm: 1.2, populationWeight: 1.0, deprivationDecile: 4,
    character: 'outer_estate',
    description: 'Hillside estate of 1950s council houses, many now bought, and a district centre.',
  },
];

/**
 * Street names for addresses in any town. Invented from common English stems; the same
 * name in two towns is normal, as it is in real places. Includes apostrophes (Queen's Road,
 * St Mary's Close) and names without a suffix (The Crescent, Lark Rise), as real ones have.
 */
export const STREET_NAMES: readonly string[] = [
  'Elm Road', 'Elm Grove', 'Elmfield Avenue', 'Mill Lane', 'Mill Street', 'Millbrook Way', 'Mill Race Close',
  'Church Street', 'Church Lane', 'Church Walk', 'Station Road', 'Station Approach', 'Victoria Road', 'Victoria Street',
  'Victoria Terrace', 'Ash Grove', 'Ash Tree Close', 'Ashfield Road', 'Oak Avenue', 'Oak Tree Lane', 'Oakley Crescent',
  'Beech Road', 'Beechwood Drive', 'Birch Close', 'Birchfield Way', 'Willow Way', 'Willow Crescent', 'Chestnut Avenue',
  'Chestnut Close', 'Sycamore Road', 'Hawthorn Drive', 'Hawthorne Close', 'Holly Lane', 'Holly Bank', 'Maple Gardens',
  'Maple Drive', 'Cedar Close', 'Rowan Way', 'Larch Gardens', 'Poplar Avenue', 'Alder Close', 'Laburnum Grove',
  'Park Road', 'Park Lane', 'Park View', 'Parkside Drive', "Queen's Road", 'Queens Road', "King's Walk",
  'Kingsway', 'Albert Street', 'Albert Road', 'Windsor Avenue', 'Windsor Close', 'Grange Road', 'Grange Close',
  'Manor Drive', 'Manor Farm Road', 'Meadow Lane', 'Meadow Way', 'Meadowsweet Close', 'Orchard Close', 'Orchard Way',
  'Brook Street', 'Brookside', 'Brookfield Road', 'Canal Street', 'Canal Side', 'Wharf Lane', 'Wharf Road',
  'Forge Lane', 'Foundry Street', 'Foundry Lane', 'Kiln Close', 'Chapel Street', 'Chapel Ash Road', 'Vicarage Road',
  'Rectory Lane', 'School Lane', 'School Street', 'Market Street', 'Market Place', 'Bridge Street', 'Bridge Road',
  'Green Lane', 'The Green', 'Heath Road', 'Heathfield Avenue', 'Moor Lane', 'Moorland Road', 'Common Lane',
  'Field Road', 'Hill Street', 'Hillside Crescent', 'Hill Top', 'Bank Street', 'Valley Road', 'Spring Lane',
  'Springfield Road', 'Well Lane', 'Castle Street', 'Abbey Road', 'Priory Close', 'Coronation Road', 'Coronation Street',
  'Jubilee Way', 'Jubilee Close', 'Alexandra Road', 'Elizabeth Drive', 'Nelson Street', 'Wellington Road', 'Gladstone Street',
  'Cromwell Road', 'Stafford Street', 'Lichfield Road', 'Tamworth Road', 'Ashby Road', 'Saltbrook Lane', 'Fernley Avenue',
  'Old Coldwater Road', 'Norwood High Street', 'Whitlow Road', 'Wrenfield Lane', 'Netherwick Way', 'Copperfield Drive', 'Hazelford Road',
  'The Crescent', 'The Avenue', 'The Square', 'Lark Rise', 'Nightingale Close', 'Kestrel Way', 'Swallow Drive',
  'Heron Close', 'Kingfisher Way', 'Falcon Crescent', 'Wren Gardens', 'Lavender Close', 'Primrose Lane', 'Bluebell Way',
  'Foxglove Close', 'Honeysuckle Drive', 'Clover Gardens', 'Thistle Close', 'Heather Road', 'Harebell Close', 'Tulip Walk',
  'St Mary\'s Close', 'St John\'s Road', 'St Peter\'s Avenue', 'Mount Pleasant', 'Newtown Row', 'Cotton Lane', 'Tanners Row',
  'Ropewalk', 'Furnace Road', 'Colliery Lane', 'Pit Bank Close', 'Ironstone Way', 'Brickyard Lane', 'Nailers Close',
];

export type SchoolPhase = 'primary' | 'secondary' | 'special' | 'alternative_provision';
export type SchoolType =
  | 'community'
  | 'voluntary_aided'
  | 'voluntary_controlled'
  | 'foundation'
  | 'academy'
  | 'free_school'
  | 'pupil_referral_unit';
export type ReligiousCharacter = 'none' | 'church_of_england' | 'roman_catholic';

export interface School {
  readonly id: string;
  readonly name: string;
  readonly townId: TownId;
  readonly phase: SchoolPhase;
  readonly type: SchoolType;
  readonly religiousCharacter: ReligiousCharacter;
  /** Statutory age range, inclusive: an infant school is 4–7, a junior 7–11, a secondary with a sixth form 11–18. */
  readonly lowAge: number;
  readonly highAge: number;
}

/**
 * Invented schools. Oakfield Primary School matches the demo school partner organisation
 * in src/seed/demo.ts.
 */
export const SCHOOLS: readonly School[] = [
  // Primary: 40
  { id: 'ashby-marsh-primary', name: 'Ashby Marsh Primary School', townId: 'ashby-marsh', phase: 'primary', type: 'community', religiousCharacter: 'none', lowAge: 3, highAge: 11 },
  { id: 'st-peters-cofe-primary', name: "St Peter's Church of England Primary School", townId: 'ashby-marsh', phase: 'primary', type: 'voluntary_controlled', religiousCharacter: 'church_of_england', lowAge: 4, highAge: 11 },
  { id: 'canal-street-primary', name: 'Canal Street Primary Academy', townId: 'ashby-marsh', phase: 'primary', type: 'academy', religiousCharacter: 'none', lowAge: 3, highAge: 11 },
  { id: 'marshfield-primary', name: 'Marshfield Primary School', townId: 'ashby-marsh', phase: 'primary', type: 'community', religiousCharacter: 'none', lowAge: 4, highAge: 11 },
  { id: 'kings-norwood-infant', name: 'Kings Norwood Infant School', townId: 'kings-norwood', phase: 'primary', type: 'community', religiousCharacter: 'none', lowAge: 4, highAge: 7 },
  { id: 'kings-norwood-junior', name: 'Kings Norwood Junior School', townId: 'kings-norwood', phase: 'primary', type: 'community', religiousCharacter: 'none', lowAge: 7, highAge: 11 },
  { id: 'norwood-park-primary', name: 'Norwood Park Primary School', townId: 'kings-norwood', phase: 'primary', type: 'foundation', religiousCharacter: 'none', lowAge: 4, highAge: 11 },
  { id: 'holy-trinity-cofe-primary', name: 'Holy Trinity CofE Primary School', townId: 'kings-norwood', phase: 'primary', type: 'voluntary_aided', religiousCharacter: 'church_of_england', lowAge: 4, highAge: 11 },
  { id: 'fernley-green-primary', name: 'Fernley Green Primary School', townId: 'fernley-green', phase: 'primary', type: 'academy', religiousCharacter: 'none', lowAge: 4, highAge: 11 },
  { id: 'larkspur-primary', name: 'Larkspur Primary School', townId: 'fernley-green', phase: 'primary', type: 'community', religiousCharacter: 'none', lowAge: 4, highAge: 11 },
  { id: 'st-margarets-catholic-primary', name: "St Margaret's Catholic Primary School", townId: 'fernley-green', phase: 'primary', type: 'voluntary_aided', religiousCharacter: 'roman_catholic', lowAge: 4, highAge: 11 },
  { id: 'coldwater-heath-primary', name: 'Coldwater Heath Primary Academy', townId: 'coldwater-heath', phase: 'primary', type: 'academy', religiousCharacter: 'none', lowAge: 3, highAge: 11 },
  { id: 'heathside-primary', name: 'Heathside Primary School', townId: 'coldwater-heath', phase: 'primary', type: 'community', religiousCharacter: 'none', lowAge: 3, highAge: 11 },
  { id: 'st-bernadettes-catholic-primary', name: "St Bernadette's Catholic Primary School", townId: 'coldwater-heath', phase: 'primary', type: 'voluntary_aided', religiousCharacter: 'roman_catholic', lowAge: 4, highAge: 11 },
  { id: 'brookfield-community-primary', name: 'Brookfield Community Primary School', townId: 'coldwater-heath', phase: 'primary', type: 'community', religiousCharacter: 'none', lowAge: 4, highAge: 11 },
  { id: 'saltbrook-primary', name: 'Saltbrook Primary School', townId: 'saltbrook', phase: 'primary', type: 'community', religiousCharacter: 'none', lowAge: 3, highAge: 11 },
  { id: 'st-annes-cofe-primary', name: "Saltbrook St Anne's CofE Primary School", townId: 'saltbrook', phase: 'primary', type: 'voluntary_controlled', religiousCharacter: 'church_of_england', lowAge: 4, highAge: 11 },
  { id: 'meadowbank-primary', name: 'Meadowbank Primary School', townId: 'saltbrook', phase: 'primary', type: 'academy', religiousCharacter: 'none', lowAge: 4, highAge: 11 },
  { id: 'hazelford-primary', name: 'Hazelford Primary School', townId: 'hazelford', phase: 'primary', type: 'community', religiousCharacter: 'none', lowAge: 4, highAge: 11 },
  { id: 'orchard-way-primary', name: 'Orchard Way Primary School', townId: 'hazelford', phase: 'primary', type: 'academy', religiousCharacter: 'none', lowAge: 4, highAge: 11 },
  { id: 'hazelford-nursery-infant', name: 'Hazelford Nursery and Infant School', townId: 'hazelford', phase: 'primary', type: 'community', religiousCharacter: 'none', lowAge: 3, highAge: 7 },
  { id: 'oakfield-primary', name: 'Oakfield Primary School', townId: 'oakridge-vale', phase: 'primary', type: 'academy', religiousCharacter: 'none', lowAge: 4, highAge: 11 },
  { id: 'oakridge-vale-cofe-primary', name: 'Oakridge Vale CofE Primary School', townId: 'oakridge-vale', phase: 'primary', type: 'voluntary_aided', religiousCharacter: 'church_of_england', lowAge: 4, highAge: 11 },
  { id: 'valley-view-primary', name: 'Valley View Primary School', townId: 'oakridge-vale', phase: 'primary', type: 'community', religiousCharacter: 'none', lowAge: 4, highAge: 11 },
  { id: 'whitlow-cross-primary', name: 'Whitlow Cross Primary School', townId: 'whitlow-cross', phase: 'primary', type: 'community', religiousCharacter: 'none', lowAge: 3, highAge: 11 },
  { id: 'crossways-primary', name: 'Crossways Primary Academy', townId: 'whitlow-cross', phase: 'primary', type: 'academy', religiousCharacter: 'none', lowAge: 3, highAge: 11 },
  { id: 'foundry-lane-primary', name: 'Foundry Lane Primary School', townId: 'whitlow-cross', phase: 'primary', type: 'community', religiousCharacter: 'none', lowAge: 4, highAge: 11 },
  { id: 'st-aidans-catholic-primary', name: "St Aidan's Catholic Primary School", townId: 'whitlow-cross', phase: 'primary', type: 'voluntary_aided', religiousCharacter: 'roman_catholic', lowAge: 4, highAge: 11 },
  { id: 'victoria-road-primary', name: 'Victoria Road Primary School', townId: 'whitlow-cross', phase: 'primary', type: 'foundation', religiousCharacter: 'none', lowAge: 4, highAge: 11 },
  { id: 'wrenfield-cofe-primary', name: 'Wrenfield CofE Primary School', townId: 'wrenfield', phase: 'primary', type: 'voluntary_controlled', religiousCharacter: 'church_of_england', lowAge: 4, highAge: 11 },
  { id: 'st-aldwyns-cofe-primary', name: "St Aldwyn's CofE Primary School", townId: 'st-aldwyns', phase: 'primary', type: 'voluntary_aided', religiousCharacter: 'church_of_england', lowAge: 4, highAge: 11 },
  { id: 'aldwyn-park-primary', name: 'Aldwyn Park Primary School', townId: 'st-aldwyns', phase: 'primary', type: 'community', religiousCharacter: 'none', lowAge: 3, highAge: 11 },
  { id: 'parade-primary', name: 'The Parade Primary Academy', townId: 'st-aldwyns', phase: 'primary', type: 'academy', religiousCharacter: 'none', lowAge: 4, highAge: 11 },
  { id: 'greenhill-primary', name: 'Greenhill Primary School', townId: 'st-aldwyns', phase: 'primary', type: 'free_school', religiousCharacter: 'none', lowAge: 4, highAge: 11 },
  { id: 'netherwick-fields-primary', name: 'Netherwick Fields Primary School', townId: 'netherwick-fields', phase: 'primary', type: 'community', religiousCharacter: 'none', lowAge: 3, highAge: 11 },
  { id: 'fieldway-primary', name: 'Fieldway Primary School', townId: 'netherwick-fields', phase: 'primary', type: 'academy', religiousCharacter: 'none', lowAge: 4, highAge: 11 },
  { id: 'st-columbas-catholic-primary', name: "St Columba's Catholic Primary School", townId: 'netherwick-fields', phase: 'primary', type: 'voluntary_aided', religiousCharacter: 'roman_catholic', lowAge: 4, highAge: 11 },
  { id: 'copperfield-primary', name: 'Copperfield Primary School', townId: 'copperfield-rise', phase: 'primary', type: 'community', religiousCharacter: 'none', lowAge: 3, highAge: 11 },
  { id: 'rise-park-primary', name: 'Rise Park Primary Academy', townId: 'copperfield-rise', phase: 'primary', type: 'academy', religiousCharacter: 'none', lowAge: 4, highAge: 11 },
  { id: 'kestrel-way-primary', name: 'Kestrel Way Primary School', townId: 'copperfield-rise', phase: 'primary', type: 'community', religiousCharacter: 'none', lowAge: 4, highAge: 11 },

  // Secondary: 12
  { id: 'ashby-marsh-academy', name: 'Ashby Marsh Academy', townId: 'ashby-marsh', phase: 'secondary', type: 'academy', religiousCharacter: 'none', lowAge: 11, highAge: 18 },
  { id: 'kings-norwood-school', name: 'Kings Norwood School', townId: 'kings-norwood', phase: 'secondary', type: 'academy', religiousCharacter: 'none', lowAge: 11, highAge: 18 },
  { id: 'fernley-green-high', name: 'Fernley Green High School', townId: 'fernley-green', phase: 'secondary', type: 'foundation', religiousCharacter: 'none', lowAge: 11, highAge: 16 },
  { id: 'coldwater-heath-academy', name: 'Coldwater Heath Academy', townId: 'coldwater-heath', phase: 'secondary', type: 'academy', religiousCharacter: 'none', lowAge: 11, highAge: 16 },
  { id: 'saltbrook-high', name: 'Saltbrook High School', townId: 'saltbrook', phase: 'secondary', type: 'community', religiousCharacter: 'none', lowAge: 11, highAge: 16 },
  { id: 'hazelford-grammar', name: 'Hazelford Grammar School', townId: 'hazelford', phase: 'secondary', type: 'academy', religiousCharacter: 'none', lowAge: 11, highAge: 18 },
  { id: 'oakridge-vale-school', name: 'Oakridge Vale School', townId: 'oakridge-vale', phase: 'secondary', type: 'academy', religiousCharacter: 'none', lowAge: 11, highAge: 18 },
  { id: 'whitlow-cross-academy', name: 'Whitlow Cross Academy', townId: 'whitlow-cross', phase: 'secondary', type: 'academy', religiousCharacter: 'none', lowAge: 11, highAge: 16 },
  { id: 'st-bedes-catholic-high', name: "St Bede's Catholic High School", townId: 'whitlow-cross', phase: 'secondary', type: 'voluntary_aided', religiousCharacter: 'roman_catholic', lowAge: 11, highAge: 18 },
  { id: 'st-aldwyns-cofe-academy', name: "St Aldwyn's Church of England Academy", townId: 'st-aldwyns', phase: 'secondary', type: 'academy', religiousCharacter: 'church_of_england', lowAge: 11, highAge: 18 },
  { id: 'netherwick-community-college', name: 'Netherwick Fields Community College', townId: 'netherwick-fields', phase: 'secondary', type: 'community', religiousCharacter: 'none', lowAge: 11, highAge: 16 },
  { id: 'copperfield-rise-school', name: 'Copperfield Rise School', townId: 'copperfield-rise', phase: 'secondary', type: 'academy', religiousCharacter: 'none', lowAge: 11, highAge: 16 },

  // Special and alternative provision: 3
  { id: 'brookside-school', name: 'Brookside School', townId: 'saltbrook', phase: 'special', type: 'community', religiousCharacter: 'none', lowAge: 3, highAge: 19 },
  { id: 'willowbank-school', name: 'Willowbank School', townId: 'kings-norwood', phase: 'special', type: 'academy', religiousCharacter: 'none', lowAge: 5, highAge: 16 },
  { id: 'bridge-learning-centre', name: 'The Bridge Learning Centre', townId: 'ashby-marsh', phase: 'alternative_provision', type: 'pupil_referral_unit', religiousCharacter: 'none', lowAge: 5, highAge: 16 },
];

export interface FamilyHub {
  readonly id: string;
  readonly name: string;
  /** Where the hub building is. */
  readonly townId: TownId;
  /** Towns whose families the hub serves; between them the hubs cover every town once. */
  readonly servesTownIds: readonly TownId[];
}

export const FAMILY_HUBS: readonly FamilyHub[] = [
  { id: 'ashby-marsh-hub', name: 'Ashby Marsh Family Hub', townId: 'ashby-marsh', servesTownIds: ['ashby-marsh', 'copperfield-rise'] },
  { id: 'whitlow-cross-hub', name: 'Whitlow Cross Family Hub', townId: 'whitlow-cross', servesTownIds: ['whitlow-cross', 'oakridge-vale'] },
  { id: 'coldwater-heath-hub', name: 'Coldwater Heath Family Hub', townId: 'coldwater-heath', servesTownIds: ['coldwater-heath'] },
  { id: 'st-aldwyns-hub', name: "St Aldwyn's Family Hub", townId: 'st-aldwyns', servesTownIds: ['st-aldwyns', 'kings-norwood'] },
  { id: 'saltbrook-hub', name: 'Saltbrook Family Hub', townId: 'saltbrook', servesTownIds: ['saltbrook', 'netherwick-fields', 'hazelford'] },
  { id: 'fernley-wrenfield-hub', name: 'Fernley and Wrenfield Family Hub', townId: 'fernley-green', servesTownIds: ['fernley-green', 'wrenfield'] },
];
