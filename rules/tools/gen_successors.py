#!/usr/bin/env python3
"""Write rules/successors.toml from the compact tables below and rules/gazetteer.toml.

Run from the repository root after gen_gazetteer.py:  python3 rules/tools/gen_successors.py
Edit the tables here, not the generated file. Confidence as in gen_gazetteer.py.
"""

import datetime
import pathlib
import tomllib

RULES = pathlib.Path(__file__).resolve().parents[1]
OUT = RULES / "successors.toml"
GAZ = tomllib.loads((RULES / "gazetteer.toml").read_text(encoding="utf-8"))
AUTH = {a["id"] for a in GAZ["authority"]}

SRC_ICB_2022 = ("https://www.england.nhs.uk/integratedcare/integrated-care-in-your-area/ (42 ICBs established "
                "2022-07-01 by the Integrated Care Boards (Establishment) Order 2022; CCGs closed); names as "
                "listed in public NHS data repositories")
SRC_CCG_2021 = ("NHS Digital organisation reference data as hard-coded in a public repository "
                "(ccg_mapping_2021: CCG, its 2021 code and its STP/ICS); https://www.appgov.org/apg/nh/health "
                "(106 CCGs, 42 ICBs)")
SRC_ICB_2026 = ("https://parallelparliament.co.uk/debate/2025-09-09/commons/written-statements/integrated-care-boards-running-costs-and-boundary-alignment-with-strategic-authorities/ministerial-extracts "
                "(new footprints from 2026-04-01); names as listed on NHS England's 'More about each integrated care "
                "system' page (updated 2026-03-19), read through a public repository's notes; legal names in the "
                "2026 establishment order not seen")
SRC_EOE_2026 = "https://www.england.nhs.uk/east-of-england/ccgs-and-acute-trusts (six ICBs become three from April 2026)"
SRC_SS_2026 = "https://www.surreyheartlands.org/news-centre/nhs-reform-397 (one ICB over Surrey and Sussex from 2026-04-01, including Farnham and Surrey Heath)"
SRC_FRIMLEY = "https://www.sslmcs.co.uk/resources/icb-changes ; https://htn.co.uk/2025/11/05/future-of-frimley-and-buckinghamshire-oxfordshire-and-berkshire-west-icbs-as-thames-valley-icb-partners"
SRC_KENT_CCG = "https://en.wikipedia.org/wiki/Healthcare_in_Kent ; https://www.westkentccg.nhs.uk/news/news-articles/?blogpost=4348 (eight CCGs merged into NHS Kent and Medway CCG on 2020-04-01)"
SRC_PROB_REGIONS = ("https://www.gov.uk/government/publications/community-rehabilitation-company-england-and-wales-area-map "
                    "('Eleven probation regions across England and one in Wales'); region names as HM Inspectorate of "
                    "Probation reports use them (https://hmiprobation.justiceinspectorates.gov.uk ; e.g. "
                    "https://hmiprobation.justiceinspectorates.gov.uk/news/gaps-in-public-protection-practice-in-greater-manchester-region-of-the-probation-service)")
SRC_PROB_UNIFY = "https://www.gov.uk/government/organisations/probation-service/about (probation services unified on 26 June 2021)"
SRC_TRUSTS = ("https://publications.parliament.uk/pa/cm201719/cmselect/cmjust/482/48205.htm (35 probation trusts before "
              "Transforming Rehabilitation); Offender Rehabilitation Act 2014 / TR: NPS and 21 CRCs from 2014-06-01")

# ------------------------------------------------------------------------------------------------
# ICBs of 2022-07-01: key -> (area words, covers)
# ------------------------------------------------------------------------------------------------
ICB = {
    "bath-and-north-east-somerset-swindon-and-wiltshire": ("Bath and North East Somerset, Swindon and Wiltshire", ["bath-and-north-east-somerset", "swindon", "wiltshire"], ["BSW ICB"]),
    "bedfordshire-luton-and-milton-keynes": ("Bedfordshire, Luton and Milton Keynes", ["bedford", "central-bedfordshire", "luton", "milton-keynes"], ["BLMK ICB"]),
    "birmingham-and-solihull": ("Birmingham and Solihull", ["birmingham", "solihull"], ["BSol ICB"]),
    "black-country": ("Black Country", ["dudley", "sandwell", "walsall", "wolverhampton"], []),
    "bristol-north-somerset-and-south-gloucestershire": ("Bristol, North Somerset and South Gloucestershire", ["bristol", "north-somerset", "south-gloucestershire"], ["BNSSG ICB"]),
    "buckinghamshire-oxfordshire-and-berkshire-west": ("Buckinghamshire, Oxfordshire and Berkshire West", ["buckinghamshire", "oxfordshire", "west-berkshire", "reading", "wokingham"], ["BOB ICB"]),
    "cambridgeshire-and-peterborough": ("Cambridgeshire and Peterborough", ["cambridgeshire", "peterborough"], []),
    "cheshire-and-merseyside": ("Cheshire and Merseyside", ["cheshire-east", "cheshire-west-and-chester", "halton", "warrington", "knowsley", "liverpool", "st-helens", "sefton", "wirral"], []),
    "cornwall-and-the-isles-of-scilly": ("Cornwall and the Isles of Scilly", ["cornwall", "isles-of-scilly"], []),
    "coventry-and-warwickshire": ("Coventry and Warwickshire", ["coventry", "warwickshire"], []),
    "derby-and-derbyshire": ("Derby and Derbyshire", ["derby", "derbyshire"], []),
    "devon": ("Devon", ["devon", "plymouth", "torbay"], []),
    "dorset": ("Dorset", ["dorset", "bcp"], []),
    "frimley": ("Frimley", ["bracknell-forest", "slough", "windsor-and-maidenhead", "surrey-heath", "hart", "rushmoor"], []),
    "gloucestershire": ("Gloucestershire", ["gloucestershire"], []),
    "greater-manchester": ("Greater Manchester", ["bolton", "bury", "manchester", "oldham", "rochdale", "salford", "stockport", "tameside", "trafford", "wigan"], []),
    "hampshire-and-isle-of-wight": ("Hampshire and Isle of Wight", ["hampshire", "portsmouth", "southampton", "isle-of-wight"], ["NHS Hampshire and the Isle of Wight ICB"]),
    "herefordshire-and-worcestershire": ("Herefordshire and Worcestershire", ["herefordshire", "worcestershire"], []),
    "hertfordshire-and-west-essex": ("Hertfordshire and West Essex", ["hertfordshire", "epping-forest", "harlow", "uttlesford"], []),
    "humber-and-north-yorkshire": ("Humber and North Yorkshire", ["east-riding-of-yorkshire", "kingston-upon-hull", "north-east-lincolnshire", "north-lincolnshire", "york", "north-yorkshire"], []),
    "kent-and-medway": ("Kent and Medway", ["kent", "medway"], []),
    "lancashire-and-south-cumbria": ("Lancashire and South Cumbria", ["lancashire", "blackburn-with-darwen", "blackpool", "westmorland-and-furness"], []),
    "leicester-leicestershire-and-rutland": ("Leicester, Leicestershire and Rutland", ["leicester", "leicestershire", "rutland"], ["LLR ICB"]),
    "lincolnshire": ("Lincolnshire", ["lincolnshire"], []),
    "mid-and-south-essex": ("Mid and South Essex", ["basildon", "braintree", "brentwood", "castle-point", "chelmsford", "maldon", "rochford", "southend-on-sea", "thurrock"], []),
    "norfolk-and-waveney": ("Norfolk and Waveney", ["norfolk", "east-suffolk"], []),
    "north-central-london": ("North Central London", ["barnet", "camden", "enfield", "haringey", "islington"], []),
    "north-east-and-north-cumbria": ("North East and North Cumbria", ["northumberland", "newcastle-upon-tyne", "gateshead", "north-tyneside", "south-tyneside", "sunderland", "county-durham", "darlington", "hartlepool", "middlesbrough", "redcar-and-cleveland", "stockton-on-tees", "cumberland"], []),
    "north-east-london": ("North East London", ["barking-and-dagenham", "city-of-london", "hackney", "havering", "newham", "redbridge", "tower-hamlets", "waltham-forest"], []),
    "north-west-london": ("North West London", ["brent", "ealing", "hammersmith-and-fulham", "harrow", "hillingdon", "hounslow", "kensington-and-chelsea", "westminster"], []),
    "northamptonshire": ("Northamptonshire", ["north-northamptonshire", "west-northamptonshire"], []),
    "nottingham-and-nottinghamshire": ("Nottingham and Nottinghamshire", ["nottingham", "nottinghamshire"], []),
    "shropshire-telford-and-wrekin": ("Shropshire, Telford and Wrekin", ["shropshire", "telford-and-wrekin"], []),
    "somerset": ("Somerset", ["somerset"], []),
    "south-east-london": ("South East London", ["bexley", "bromley", "greenwich", "lambeth", "lewisham", "southwark"], []),
    "south-west-london": ("South West London", ["croydon", "kingston-upon-thames", "merton", "richmond-upon-thames", "sutton", "wandsworth"], []),
    "south-yorkshire": ("South Yorkshire", ["barnsley", "doncaster", "rotherham", "sheffield"], []),
    "staffordshire-and-stoke-on-trent": ("Staffordshire and Stoke-on-Trent", ["staffordshire", "stoke-on-trent"], []),
    "suffolk-and-north-east-essex": ("Suffolk and North East Essex", ["ipswich", "babergh", "mid-suffolk", "east-suffolk", "west-suffolk", "colchester", "tendring"], ["SNEE ICB"]),
    "surrey-heartlands": ("Surrey Heartlands", ["surrey"], []),
    "sussex": ("Sussex", ["east-sussex", "west-sussex", "brighton-and-hove"], []),
    "west-yorkshire": ("West Yorkshire", ["bradford", "calderdale", "kirklees", "leeds", "wakefield"], []),
}

# ICBs from 2026-04-01 (merged footprints): key -> (area words, covers, source)
ICB_2026 = {
    "norfolk-and-suffolk": ("Norfolk and Suffolk", ["norfolk", "suffolk"], SRC_EOE_2026 + " ; " + SRC_ICB_2026),
    "essex": ("Essex", ["essex", "southend-on-sea", "thurrock"], SRC_EOE_2026 + " ; " + SRC_ICB_2026),
    "central-east": ("Central East", ["bedford", "central-bedfordshire", "luton", "milton-keynes", "cambridgeshire", "peterborough", "hertfordshire"],
                     SRC_EOE_2026 + " ; https://www.hertsandwestessex.ics.nhs.uk/about/icb/board ('Central East ICB ... from 1 April 2026') ; " + SRC_ICB_2026),
    "west-and-north-london": ("West and North London", ["barnet", "camden", "enfield", "haringey", "islington", "brent", "ealing", "hammersmith-and-fulham", "harrow", "hillingdon", "hounslow", "kensington-and-chelsea", "westminster"],
                              SRC_ICB_2026 + " (the written statement calls it 'North West and North Central London ICB')"),
    "thames-valley": ("Thames Valley", ["buckinghamshire", "oxfordshire", "west-berkshire", "reading", "wokingham", "bracknell-forest", "slough", "windsor-and-maidenhead"], SRC_FRIMLEY + " ; " + SRC_ICB_2026),
    "surrey-and-sussex": ("Surrey and Sussex", ["surrey", "east-sussex", "west-sussex", "brighton-and-hove"], SRC_SS_2026 + " ; " + SRC_ICB_2026),
}
# 2022 ICBs split on 2026-04-01: key -> [(covers, the body that took that part)], from the notes
# below. A county id goes with the part that holds the whole of the county's share (Suffolk's with
# Norfolk and Suffolk); north east Hampshire went to the Hampshire and Isle of Wight ICB, which
# kept its name.
ICB_SPLIT = {
    "suffolk-and-north-east-essex": [(["ipswich", "babergh", "mid-suffolk", "east-suffolk", "west-suffolk", "suffolk"], "nhs-norfolk-and-suffolk-icb"),
                                     (["colchester", "tendring", "essex"], "nhs-essex-icb")],
    "hertfordshire-and-west-essex": [(["hertfordshire"], "nhs-central-east-icb"),
                                     (["epping-forest", "harlow", "uttlesford", "essex"], "nhs-essex-icb")],
    "frimley": [(["bracknell-forest", "slough", "windsor-and-maidenhead"], "nhs-thames-valley-icb"),
                (["surrey-heath", "surrey"], "nhs-surrey-and-sussex-icb"),
                (["hart", "rushmoor"], "nhs-hampshire-and-isle-of-wight-icb")],
}
# 2022 ICB -> (2026 successor or None, note)
ICB_MERGE = {
    "norfolk-and-waveney": ("norfolk-and-suffolk", None),
    "suffolk-and-north-east-essex": (None, "Split on 2026-04-01: Suffolk to NHS Norfolk and Suffolk ICB, north east Essex to NHS Essex ICB."),
    "mid-and-south-essex": ("essex", None),
    "hertfordshire-and-west-essex": (None, "Split on 2026-04-01: Hertfordshire to NHS Central East ICB, west Essex to NHS Essex ICB."),
    "bedfordshire-luton-and-milton-keynes": ("central-east", None),
    "cambridgeshire-and-peterborough": ("central-east", None),
    "north-west-london": ("west-and-north-london", None),
    "north-central-london": ("west-and-north-london", None),
    "buckinghamshire-oxfordshire-and-berkshire-west": ("thames-valley", None),
    "frimley": (None, "Broken up on 2026-04-01: East Berkshire to NHS Thames Valley ICB, Surrey Heath and Farnham to NHS Surrey and Sussex ICB, north east Hampshire to NHS Hampshire and Isle of Wight ICB."),
    "surrey-heartlands": ("surrey-and-sussex", None),
    "sussex": ("surrey-and-sussex", None),
}

# ------------------------------------------------------------------------------------------------
# The 106 CCGs of 2021-04-01 to 2022-06-30: (area words, ICB key, covers, note)
# ------------------------------------------------------------------------------------------------
CCG = [
    # North East and North Cumbria
    ("County Durham", "north-east-and-north-cumbria", ["county-durham"], None),
    ("Newcastle Gateshead", "north-east-and-north-cumbria", ["newcastle-upon-tyne", "gateshead"], None),
    ("North Cumbria", "north-east-and-north-cumbria", ["cumberland", "westmorland-and-furness"], None),
    ("North Tyneside", "north-east-and-north-cumbria", ["north-tyneside"], None),
    ("Northumberland", "north-east-and-north-cumbria", ["northumberland"], None),
    ("South Tyneside", "north-east-and-north-cumbria", ["south-tyneside"], None),
    ("Sunderland", "north-east-and-north-cumbria", ["sunderland"], None),
    ("Tees Valley", "north-east-and-north-cumbria", ["darlington", "hartlepool", "middlesbrough", "redcar-and-cleveland", "stockton-on-tees"], None),
    # Lancashire and South Cumbria
    ("Blackburn with Darwen", "lancashire-and-south-cumbria", ["blackburn-with-darwen"], None),
    ("Blackpool", "lancashire-and-south-cumbria", ["blackpool"], None),
    ("Chorley and South Ribble", "lancashire-and-south-cumbria", ["chorley", "south-ribble"], None),
    ("East Lancashire", "lancashire-and-south-cumbria", ["burnley", "hyndburn", "pendle", "ribble-valley", "rossendale"], None),
    ("Fylde and Wyre", "lancashire-and-south-cumbria", ["fylde", "wyre"], None),
    ("Greater Preston", "lancashire-and-south-cumbria", ["preston"], None),
    ("Morecambe Bay", "lancashire-and-south-cumbria", ["lancaster", "westmorland-and-furness"], None),
    ("West Lancashire", "lancashire-and-south-cumbria", ["west-lancashire"], None),
    # Greater Manchester
    ("Bolton", "greater-manchester", ["bolton"], None),
    ("Bury", "greater-manchester", ["bury"], None),
    ("Heywood, Middleton and Rochdale", "greater-manchester", ["rochdale"], None),
    ("Manchester", "greater-manchester", ["manchester"], None),
    ("Oldham", "greater-manchester", ["oldham"], None),
    ("Salford", "greater-manchester", ["salford"], None),
    ("Stockport", "greater-manchester", ["stockport"], None),
    ("Tameside and Glossop", "greater-manchester", ["tameside", "high-peak"],
     "Glossop (in High Peak, Derbyshire) went to NHS Derby and Derbyshire ICB (unverified); Tameside to NHS Greater Manchester ICB."),
    ("Trafford", "greater-manchester", ["trafford"], None),
    ("Wigan Borough", "greater-manchester", ["wigan"], None),
    # Cheshire and Merseyside
    ("Cheshire", "cheshire-and-merseyside", ["cheshire-east", "cheshire-west-and-chester"], None),
    ("Halton", "cheshire-and-merseyside", ["halton"], None),
    ("Knowsley", "cheshire-and-merseyside", ["knowsley"], None),
    ("Liverpool", "cheshire-and-merseyside", ["liverpool"], None),
    ("South Sefton", "cheshire-and-merseyside", ["sefton"], None),
    ("Southport and Formby", "cheshire-and-merseyside", ["sefton"], None),
    ("St Helens", "cheshire-and-merseyside", ["st-helens"], None),
    ("Warrington", "cheshire-and-merseyside", ["warrington"], None),
    ("Wirral", "cheshire-and-merseyside", ["wirral"], None),
    # West Yorkshire
    ("Bradford District and Craven", "west-yorkshire", ["bradford", "north-yorkshire"], None),
    ("Calderdale", "west-yorkshire", ["calderdale"], None),
    ("Kirklees", "west-yorkshire", ["kirklees"], None),
    ("Leeds", "west-yorkshire", ["leeds"], None),
    ("Wakefield", "west-yorkshire", ["wakefield"], None),
    # South Yorkshire and Bassetlaw
    ("Barnsley", "south-yorkshire", ["barnsley"], None),
    ("Bassetlaw", "nottingham-and-nottinghamshire", ["bassetlaw"],
     "In the South Yorkshire and Bassetlaw ICS until 2022-06-30; Bassetlaw joined the Nottingham and Nottinghamshire ICB area on 2022-07-01 (unverified)."),
    ("Doncaster", "south-yorkshire", ["doncaster"], None),
    ("Rotherham", "south-yorkshire", ["rotherham"], None),
    ("Sheffield", "south-yorkshire", ["sheffield"], None),
    # Humber, Coast and Vale
    ("East Riding of Yorkshire", "humber-and-north-yorkshire", ["east-riding-of-yorkshire"], None),
    ("Hull", "humber-and-north-yorkshire", ["kingston-upon-hull"], None),
    ("North East Lincolnshire", "humber-and-north-yorkshire", ["north-east-lincolnshire"], None),
    ("North Lincolnshire", "humber-and-north-yorkshire", ["north-lincolnshire"], None),
    ("North Yorkshire", "humber-and-north-yorkshire", ["north-yorkshire"], None),
    ("Vale of York", "humber-and-north-yorkshire", ["york", "north-yorkshire"], None),
    # Midlands
    ("Birmingham and Solihull", "birmingham-and-solihull", ["birmingham", "solihull"], None),
    ("Black Country and West Birmingham", "black-country", ["dudley", "sandwell", "walsall", "wolverhampton", "birmingham"],
     "West Birmingham went to NHS Birmingham and Solihull ICB (unverified); the Black Country to NHS Black Country ICB."),
    ("Cannock Chase", "staffordshire-and-stoke-on-trent", ["cannock-chase"], None),
    ("Coventry and Warwickshire", "coventry-and-warwickshire", ["coventry", "warwickshire"], None),
    ("Derby and Derbyshire", "derby-and-derbyshire", ["derby", "derbyshire"], None),
    ("East Leicestershire and Rutland", "leicester-leicestershire-and-rutland", ["rutland", "harborough", "melton", "oadby-and-wigston"], None),
    ("East Staffordshire", "staffordshire-and-stoke-on-trent", ["east-staffordshire"], None),
    ("Herefordshire and Worcestershire", "herefordshire-and-worcestershire", ["herefordshire", "worcestershire"], None),
    ("Leicester City", "leicester-leicestershire-and-rutland", ["leicester"], None),
    ("Lincolnshire", "lincolnshire", ["lincolnshire"], None),
    ("North Staffordshire", "staffordshire-and-stoke-on-trent", ["newcastle-under-lyme", "staffordshire-moorlands"], None),
    ("Northamptonshire", "northamptonshire", ["north-northamptonshire", "west-northamptonshire"], None),
    ("Nottingham and Nottinghamshire", "nottingham-and-nottinghamshire", ["nottingham", "nottinghamshire"], None),
    ("Shropshire, Telford and Wrekin", "shropshire-telford-and-wrekin", ["shropshire", "telford-and-wrekin"], None),
    ("South East Staffordshire and Seisdon Peninsula", "staffordshire-and-stoke-on-trent", ["lichfield", "tamworth", "south-staffordshire"], None),
    ("Stafford and Surrounds", "staffordshire-and-stoke-on-trent", ["stafford"], None),
    ("Stoke on Trent", "staffordshire-and-stoke-on-trent", ["stoke-on-trent"], None),
    ("West Leicestershire", "leicester-leicestershire-and-rutland", ["blaby", "charnwood", "hinckley-and-bosworth", "north-west-leicestershire"], None),
    # East of England
    ("Basildon and Brentwood", "mid-and-south-essex", ["basildon", "brentwood"], None),
    ("Bedfordshire, Luton and Milton Keynes", "bedfordshire-luton-and-milton-keynes", ["bedford", "central-bedfordshire", "luton", "milton-keynes"], None),
    ("Cambridgeshire and Peterborough", "cambridgeshire-and-peterborough", ["cambridgeshire", "peterborough"], None),
    ("Castle Point and Rochford", "mid-and-south-essex", ["castle-point", "rochford"], None),
    ("East and North Hertfordshire", "hertfordshire-and-west-essex", ["east-hertfordshire", "north-hertfordshire", "stevenage", "welwyn-hatfield", "broxbourne"], None),
    ("Herts Valleys", "hertfordshire-and-west-essex", ["dacorum", "hertsmere", "st-albans", "three-rivers", "watford"], None),
    ("Ipswich and East Suffolk", "suffolk-and-north-east-essex", ["ipswich", "babergh", "mid-suffolk", "east-suffolk"], None),
    ("Mid Essex", "mid-and-south-essex", ["braintree", "chelmsford", "maldon"], None),
    ("Norfolk and Waveney", "norfolk-and-waveney", ["norfolk", "east-suffolk"], None),
    ("North East Essex", "suffolk-and-north-east-essex", ["colchester", "tendring"], None),
    ("Southend", "mid-and-south-essex", ["southend-on-sea"], None),
    ("Thurrock", "mid-and-south-essex", ["thurrock"], None),
    ("West Essex", "hertfordshire-and-west-essex", ["epping-forest", "harlow", "uttlesford"], None),
    ("West Suffolk", "suffolk-and-north-east-essex", ["west-suffolk"], None),
    # London
    ("North Central London", "north-central-london", ["barnet", "camden", "enfield", "haringey", "islington"], None),
    ("North East London", "north-east-london", ["barking-and-dagenham", "city-of-london", "hackney", "havering", "newham", "redbridge", "tower-hamlets", "waltham-forest"], None),
    ("North West London", "north-west-london", ["brent", "ealing", "hammersmith-and-fulham", "harrow", "hillingdon", "hounslow", "kensington-and-chelsea", "westminster"], None),
    ("South East London", "south-east-london", ["bexley", "bromley", "greenwich", "lambeth", "lewisham", "southwark"], None),
    ("South West London", "south-west-london", ["croydon", "kingston-upon-thames", "merton", "richmond-upon-thames", "sutton", "wandsworth"], None),
    # South East
    ("Berkshire West", "buckinghamshire-oxfordshire-and-berkshire-west", ["west-berkshire", "reading", "wokingham"], None),
    ("Brighton and Hove", "sussex", ["brighton-and-hove"], None),
    ("Buckinghamshire", "buckinghamshire-oxfordshire-and-berkshire-west", ["buckinghamshire"], None),
    ("East Sussex", "sussex", ["east-sussex"], None),
    ("Frimley", "frimley", ["bracknell-forest", "slough", "windsor-and-maidenhead", "surrey-heath", "hart", "rushmoor"], None),
    ("Hampshire, Southampton and Isle of Wight", "hampshire-and-isle-of-wight", ["hampshire", "southampton", "isle-of-wight"], None),
    ("Kent and Medway", "kent-and-medway", ["kent", "medway"], None),
    ("Oxfordshire", "buckinghamshire-oxfordshire-and-berkshire-west", ["oxfordshire"], None),
    ("Portsmouth", "hampshire-and-isle-of-wight", ["portsmouth"], None),
    ("Surrey Heartlands", "surrey-heartlands", ["surrey"], None),
    ("West Sussex", "sussex", ["west-sussex"], None),
    # South West
    ("Bath and North East Somerset, Swindon and Wiltshire", "bath-and-north-east-somerset-swindon-and-wiltshire", ["bath-and-north-east-somerset", "swindon", "wiltshire"], None),
    ("Bristol, North Somerset and South Gloucestershire", "bristol-north-somerset-and-south-gloucestershire", ["bristol", "north-somerset", "south-gloucestershire"], None),
    ("Devon", "devon", ["devon", "plymouth", "torbay"], None),
    ("Dorset", "dorset", ["dorset", "bcp"], None),
    ("Gloucestershire", "gloucestershire", ["gloucestershire"], None),
    ("Kernow", "cornwall-and-the-isles-of-scilly", ["cornwall", "isles-of-scilly"], None),
    ("Somerset", "somerset", ["somerset"], None),
]

# Kent and Medway CCGs 2013-04-01 to 2020-03-31, merged into NHS Kent and Medway CCG.
KENT_CCG_2013 = [
    ("Ashford", ["ashford"]),
    ("Canterbury and Coastal", ["canterbury"]),
    ("Dartford, Gravesham and Swanley", ["dartford", "gravesham", "sevenoaks"]),
    ("Medway", ["medway"]),
    ("South Kent Coast", ["dover", "folkestone-and-hythe"]),
    ("Swale", ["swale"]),
    ("Thanet", ["thanet"]),
    ("West Kent", ["maidstone", "sevenoaks", "tonbridge-and-malling", "tunbridge-wells"]),
]
# Kent and Medway primary care trusts until 2013-03-31.
KENT_PCT = [
    ("nhs-eastern-and-coastal-kent-pct", "NHS Eastern and Coastal Kent", ["Eastern and Coastal Kent Primary Care Trust", "Eastern and Coastal Kent PCT"],
     ["ashford", "canterbury", "dover", "folkestone-and-hythe", "swale", "thanet"], None,
     "Replaced on 2013-04-01 by NHS Ashford, NHS Canterbury and Coastal, NHS South Kent Coast, NHS Swale and NHS Thanet CCGs (public health to Kent County Council)."),
    ("nhs-west-kent-pct", "NHS West Kent", ["West Kent Primary Care Trust", "West Kent PCT"],
     ["dartford", "gravesham", "maidstone", "sevenoaks", "tonbridge-and-malling", "tunbridge-wells"], None,
     "Replaced on 2013-04-01 by NHS Dartford, Gravesham and Swanley CCG and NHS West Kent CCG (public health to Kent County Council)."),
    ("nhs-medway-pct", "NHS Medway", ["Medway Primary Care Trust", "Medway PCT"], ["medway"], "nhs-medway-2013-ccg",
     "Replaced on 2013-04-01 by NHS Medway CCG (public health to Medway Council)."),
]

# Other primary care trusts whose whole area passed on 2013-04-01 to one CCG that then lasted,
# unchanged in code, until 2022-06-30: (PCT name words as the lookup gives them, CCG area words, covers)
SRC_PCT = ("PCT to CCG lookup (PCT ONS/NHS codes to CCG, share of postcodes 100%) in a public repository: "
           "elahmo/dsfood app/static/csv/ccg2ons.js; CCG codes unchanged 2013-2022 per " + SRC_CCG_2021)
PCT_1TO1 = [
    ("Salford", "Salford", ["salford"]), ("Stockport", "Stockport", ["stockport"]),
    ("Ashton, Leigh and Wigan", "Wigan Borough", ["wigan"]), ("Oldham", "Oldham", ["oldham"]), ("Bury", "Bury", ["bury"]),
    ("Blackpool", "Blackpool", ["blackpool"]), ("Warrington", "Warrington", ["warrington"]), ("Knowsley", "Knowsley", ["knowsley"]),
    ("Calderdale", "Calderdale", ["calderdale"]), ("Barnsley", "Barnsley", ["barnsley"]), ("Rotherham", "Rotherham", ["rotherham"]),
    ("North Tyneside", "North Tyneside", ["north-tyneside"]), ("South Tyneside", "South Tyneside", ["south-tyneside"]),
    ("Sunderland Teaching", "Sunderland", ["sunderland"]), ("Portsmouth City Teaching", "Portsmouth", ["portsmouth"]),
    ("Bassetlaw", "Bassetlaw", ["bassetlaw"]), ("North Lincolnshire", "North Lincolnshire", ["north-lincolnshire"]),
]

# ------------------------------------------------------------------------------------------------
# Probation
# ------------------------------------------------------------------------------------------------
# Probation Service regions in England from 2021-06-26: key -> (name words, police areas, confidence)
REGIONS = {
    "north-east": ("North East", ["northumbria", "durham", "cleveland"], "secondary"),
    "north-west": ("North West", ["cumbria", "lancashire", "merseyside", "cheshire"], "unverified"),
    "greater-manchester": ("Greater Manchester", ["greater-manchester"], "secondary"),
    "yorkshire-and-the-humber": ("Yorkshire and the Humber", ["north-yorkshire", "west-yorkshire", "south-yorkshire", "humberside"], "unverified"),
    "east-midlands": ("East Midlands", ["derbyshire", "nottinghamshire", "leicestershire", "lincolnshire", "northamptonshire"], "secondary"),
    "west-midlands": ("West Midlands", ["west-midlands", "staffordshire", "warwickshire", "west-mercia"], "secondary"),
    "east-of-england": ("East of England", ["bedfordshire", "cambridgeshire", "hertfordshire", "essex", "norfolk", "suffolk"], "secondary"),
    "london": ("London", ["metropolitan", "city-of-london"], "unverified"),
    "kent-surrey-and-sussex": ("Kent, Surrey and Sussex", ["kent", "surrey", "sussex"], "secondary"),
    "south-central": ("South Central", ["thames-valley", "hampshire"], "secondary"),
    "south-west": ("South West", ["avon-and-somerset", "devon-and-cornwall", "dorset", "gloucestershire", "wiltshire"], "unverified"),
}
# The 34 English probation trusts (the 35th was Wales), 2008-2010 to 2014-05-31: (name words, police areas)
TRUSTS = [
    ("Avon and Somerset", ["avon-and-somerset"]), ("Bedfordshire", ["bedfordshire"]),
    ("Cambridgeshire and Peterborough", ["cambridgeshire"]), ("Cheshire", ["cheshire"]), ("Cumbria", ["cumbria"]),
    ("Derbyshire", ["derbyshire"]), ("Devon and Cornwall", ["devon-and-cornwall"]), ("Dorset", ["dorset"]),
    ("Durham Tees Valley", ["durham", "cleveland"]), ("Essex", ["essex"]), ("Gloucestershire", ["gloucestershire"]),
    ("Greater Manchester", ["greater-manchester"]), ("Hampshire", ["hampshire"]), ("Hertfordshire", ["hertfordshire"]),
    ("Humberside", ["humberside"]), ("Kent", ["kent"]), ("Lancashire", ["lancashire"]),
    ("Leicestershire and Rutland", ["leicestershire"]), ("Lincolnshire", ["lincolnshire"]), ("London", ["metropolitan", "city-of-london"]),
    ("Merseyside", ["merseyside"]), ("Norfolk and Suffolk", ["norfolk", "suffolk"]), ("Northamptonshire", ["northamptonshire"]),
    ("Northumbria", ["northumbria"]), ("Nottinghamshire", ["nottinghamshire"]), ("South Yorkshire", ["south-yorkshire"]),
    ("Staffordshire and West Midlands", ["staffordshire", "west-midlands"]), ("Surrey and Sussex", ["surrey", "sussex"]),
    ("Thames Valley", ["thames-valley"]), ("Warwickshire", ["warwickshire"]), ("West Mercia", ["west-mercia"]),
    ("West Yorkshire", ["west-yorkshire"]), ("Wiltshire", ["wiltshire"]), ("York and North Yorkshire", ["north-yorkshire"]),
]
SRC_CRCS = ("https://en.wikipedia.org/wiki/Community_Rehabilitation_Company (21 contract package areas; contracts ended June 2021) ; "
            "https://doingtime.co.uk/the-new-probation-service/the-probation-companies-crcs/ (the areas as bid for in 2014) ; "
            + SRC_PROB_UNIFY)
# The 20 English CRCs (the 21st was Wales), 2014-06-01 to 2021-06-25: (name, short alias, police areas)
CRCS = [
    ("Bedfordshire, Northamptonshire, Cambridgeshire and Hertfordshire", "BeNCH CRC", ["bedfordshire", "northamptonshire", "cambridgeshire", "hertfordshire"]),
    ("Bristol, Gloucestershire, Somerset and Wiltshire", "BGSW CRC", ["avon-and-somerset", "gloucestershire", "wiltshire"]),
    ("Cheshire and Greater Manchester", None, ["cheshire", "greater-manchester"]),
    ("Cumbria and Lancashire", None, ["cumbria", "lancashire"]),
    ("Derbyshire, Leicestershire, Nottinghamshire and Rutland", "DLNR CRC", ["derbyshire", "leicestershire", "nottinghamshire"]),
    ("Dorset, Devon and Cornwall", "DDC CRC", ["dorset", "devon-and-cornwall"]),
    ("Durham Tees Valley", None, ["durham", "cleveland"]),
    ("Essex", None, ["essex"]),
    ("Hampshire and Isle of Wight", None, ["hampshire"]),
    ("Humberside, Lincolnshire and North Yorkshire", None, ["humberside", "lincolnshire", "north-yorkshire"]),
    ("Kent, Surrey and Sussex", "KSS CRC", ["kent", "surrey", "sussex"]),
    ("London", None, ["metropolitan", "city-of-london"]),
    ("Merseyside", None, ["merseyside"]),
    ("Norfolk and Suffolk", None, ["norfolk", "suffolk"]),
    ("Northumbria", None, ["northumbria"]),
    ("South Yorkshire", None, ["south-yorkshire"]),
    ("Staffordshire and West Midlands", None, ["staffordshire", "west-midlands"]),
    ("Thames Valley", None, ["thames-valley"]),
    ("Warwickshire and West Mercia", None, ["warwickshire", "west-mercia"]),
    ("West Yorkshire", None, ["west-yorkshire"]),
]

# ------------------------------------------------------------------------------------------------
# Fire and rescue authorities: changes of name or governance that can be dated.
# (id, name, aliases, covers, from, until, successor, note, source, confidence)
# ------------------------------------------------------------------------------------------------
FIRE = [
    ("essex-fire-authority", "Essex Fire Authority", ["Essex County Fire and Rescue Service Authority"], ["essex"], None, "2017-09-30",
     "essex-pfcc-fire-authority", None,
     "https://www.legislation.gov.uk/uksi/2017/864/note/made (SI 2017/864 abolishes the Essex Fire Authority, art 17; in force 2017-10-01)", "verified"),
    ("essex-pfcc-fire-authority", "Essex Police, Fire and Crime Commissioner Fire and Rescue Authority", [], ["essex"], "2017-10-01", None,
     None, None, "https://www.legislation.gov.uk/uksi/2017/864/note/made ('The Authority will be known as the Essex Police, Fire and Crime Commissioner Fire and Rescue Authority')", "verified"),
    ("staffordshire-fire-authority", "Stoke-on-Trent and Staffordshire Fire and Rescue Authority", ["Staffordshire Fire and Rescue Authority"], ["staffordshire"], None, "2018-07-31",
     "staffordshire-commissioner-fire-authority", None, "day: SI 2018/696 in force 2018-08-01 (https://beta.bailii.org/uk/legis/num_reg/2018/uksi_2018696_en_1.html); the old authority's name from memory", "unverified"),
    ("staffordshire-commissioner-fire-authority", "Staffordshire Commissioner Fire and Rescue Authority", [], ["staffordshire"], "2018-08-01", None,
     None, None, "day: https://beta.bailii.org/uk/legis/num_reg/2018/uksi_2018696_en_1.html (SI 2018/696, in force 2018-08-01); the authority's name from memory", "unverified"),
    ("northamptonshire-fire-authority", "Northamptonshire County Council (as fire and rescue authority)", [], ["northamptonshire"], None, "2018-12-31",
     "northamptonshire-commissioner-fire-authority", None, "https://www.northantspfcc.org.uk/fire-and-rescue-service/ (responsibility transferred from the County Council on 1 January 2019)", "verified"),
    ("northamptonshire-commissioner-fire-authority", "Northamptonshire Commissioner Fire and Rescue Authority", [], ["northamptonshire"], "2019-01-01", None,
     None, None, "day: http://www.legislation.gov.uk./uksi/2018/1072/part/1/made/data.xht?view=snippet&wrap=true (in force 2019-01-01); the authority's name from memory", "unverified"),
    ("north-yorkshire-fire-authority", "North Yorkshire Fire and Rescue Authority", ["North Yorkshire Fire Authority"], ["north-yorkshire"], None, "2018-11-14",
     "north-yorkshire-pfcc-fire-authority", None, "SI 2018/970 (https://votes.parliament.uk/Votes/Lords/Division/2174 names 'North Yorkshire Fire Authority'); day not read", "unverified"),
    ("north-yorkshire-pfcc-fire-authority", "North Yorkshire Police, Fire and Crime Commissioner Fire and Rescue Authority", [], ["north-yorkshire"], "2018-11-15", "2024-05-06",
     "york-and-north-yorkshire-combined-authority-fire", None,
     "start: SI 2018/970 (day not read); end: https://legislation.gov.uk/cy/uksi/2023/1432/part/10/data.xht?view=snippet&wrap=true (art 41: the FRA is abolished; its functions pass to the Combined Authority on 2024-05-07)", "unverified"),
    ("york-and-north-yorkshire-combined-authority-fire", "York and North Yorkshire Combined Authority (fire and rescue authority)", [], ["north-yorkshire"], "2024-05-07", None,
     None, None, "https://legislation.gov.uk/cy/uksi/2023/1432/part/10/data.xht?view=snippet&wrap=true (art 41: the Combined Authority is the fire and rescue authority; functions exercisable only by the Mayor, from 2024-05-07)", "verified"),
    ("greater-manchester-fire-authority", "Greater Manchester Fire and Rescue Authority", [], ["greater-manchester"], None, "2017-05-07",
     "greater-manchester-combined-authority-fire", None, "https://legislation.gov.uk/uksi/2017/469/made/data.xht (Greater Manchester Combined Authority (Fire and Rescue Functions) Order 2017, in force 2017-05-08); the old authority's name from memory", "secondary"),
    ("greater-manchester-combined-authority-fire", "Greater Manchester Combined Authority (fire and rescue authority)", [], ["greater-manchester"], "2017-05-08", None,
     None, None, "https://legislation.gov.uk/uksi/2017/469/made/data.xht (in force 2017-05-08)", "verified"),
    ("cumbria-county-council-fire", "Cumbria County Council (as fire and rescue authority)", [], ["cumbria"], None, "2023-03-31",
     "cumbria-commissioner-fire-authority", None, "https://cumbria-pfcc.gov.uk/what-we-do/fire-governance (governance sat with Cumbria County Council, which ceased to exist on 1 April 2023)", "verified"),
    ("cumbria-commissioner-fire-authority", "Cumbria Commissioner Fire and Rescue Authority", [], ["cumbria"], "2023-04-01", None,
     None, None, "day: https://cumbria-pfcc.gov.uk/what-we-do/fire-governance ; the authority's name from memory", "unverified"),
    ("london-fire-and-emergency-planning-authority", "London Fire and Emergency Planning Authority", ["LFEPA"], ["metropolitan"], None, "2018-03-31",
     "london-fire-commissioner", None, "Policing and Crime Act 2017 s9 (London Fire Commissioner) (not read)", "unverified"),
    ("london-fire-commissioner", "London Fire Commissioner", [], ["metropolitan"], "2018-04-01", None,
     None, None, "Policing and Crime Act 2017 s9 (not read)", "unverified"),
    ("hampshire-fire-authority", "Hampshire Fire and Rescue Authority", [], ["hampshire"], None, "2021-03-31",
     "hampshire-and-isle-of-wight-fire-authority", "The Isle of Wight Council was the island's fire authority until the same day.",
     "Hampshire and Isle of Wight Fire and Rescue Authority (Combination Scheme) Order 2020 (not read)", "unverified"),
    ("hampshire-and-isle-of-wight-fire-authority", "Hampshire and Isle of Wight Fire and Rescue Authority", ["HIWFRA"], ["hampshire"], "2021-04-01", None,
     None, None, "Hampshire and Isle of Wight Fire and Rescue Authority (Combination Scheme) Order 2020 (not read)", "unverified"),
    ("dorset-fire-authority", "Dorset Fire and Rescue Authority", [], ["dorset"], None, "2016-03-31",
     "dorset-and-wiltshire-fire-authority", None, "Dorset and Wiltshire Fire and Rescue Authority (Combination Scheme) Order 2015 (not read)", "unverified"),
    ("wiltshire-and-swindon-fire-authority", "Wiltshire and Swindon Fire Authority", [], ["wiltshire"], None, "2016-03-31",
     "dorset-and-wiltshire-fire-authority", None, "Dorset and Wiltshire Fire and Rescue Authority (Combination Scheme) Order 2015 (not read)", "unverified"),
    ("dorset-and-wiltshire-fire-authority", "Dorset and Wiltshire Fire and Rescue Authority", [], ["dorset", "wiltshire"], "2016-04-01", None,
     None, None, "Dorset and Wiltshire Fire and Rescue Authority (Combination Scheme) Order 2015 (not read)", "unverified"),
    ("kent-and-medway-fire-authority", "Kent and Medway Fire and Rescue Authority", ["Kent Fire and Rescue Service", "KFRS"], ["kent"], None, None,
     None, None, "rules/law.toml (fire authority names, Kent)", "secondary"),
]

# ------------------------------------------------------------------------------------------------
# National bodies partnerships name as partners or leads, not responsible authorities (kind
# "national"), that were replaced or renamed since 2010.
# (id, name, aliases, from, until, successor, note, source, confidence)
# ------------------------------------------------------------------------------------------------
SRC_PHE_2013 = ("https://wikimili.com/en/Public_Health_England (began operating on 1 April 2013; 'took on the role of the "
                "Health Protection Agency, the National Treatment Agency for Substance Misuse and a number of other health bodies')")
SRC_PHE_END = ("https://www.parliamenttoday.com/members/viewnews.html?id=143856 (written statement on the dissolution of PHE: "
               "'On 30 September 2021, PHE ceased all operations ... PHE's functions and staff transferred to UKHSA, OHID (in "
               "DHSC), NHS England and NHS Digital. From 1 October 2021 the new national public health infrastructure in England "
               "was fully operational')")
SRC_UKHSA = ("https://lordslibrary.parliament.uk/regret-motion-dissolution-of-public-health-england/ ('On 1 October 2021, the "
             "Government announced the launch of the UKHSA' and, the same day, of the OHID; the UKHSA was formally established "
             "from 1 April 2021)")
SRC_HMPPS = ("https://www.russellwebster.com/introducing-her-majestys-prison-and-probation-service/ (MoJ release of 2017-02-08: "
             "HMPPS 'to replace National Offender Management Service (NOMS) on 1 April 2017') ; "
             "https://civilserviceworld.com/professions/article/revamped-prison-service-starts-work-today (launch reported 2017-04-03)")
SRC_IOPC = ("http://www.govwire.co.uk/news/govt/independent-office-for-police-conduct-launches-today-14318 (Home Office release "
            "of 2018-01-08: 'The Independent Office for Police Conduct (IOPC) is the reformed police watchdog, previously known as "
            "the Independent Police Complaints Commission (IPCC)')")
NATIONAL = [
    ("health-protection-agency", "Health Protection Agency", ["HPA"], None, "2013-03-31", "public-health-england", None,
     SRC_PHE_2013, "secondary"),
    ("national-treatment-agency", "National Treatment Agency for Substance Misuse",
     ["National Treatment Agency", "NTA", "National Treatment Agency for Substance Misuse (NTA)"], None, "2013-03-31",
     "public-health-england", "Its drug and alcohol treatment work passed to Public Health England on 2013-04-01.",
     SRC_PHE_2013, "secondary"),
    ("public-health-england", "Public Health England", ["PHE", "Public Health England (PHE)"], "2013-04-01", "2021-09-30", None,
     "Its functions passed on 2021-10-01 by function, not by area: health protection to the UK Health Security Agency; health "
     "improvement, including drugs and alcohol, to the Office for Health Improvement and Disparities (Department of Health and "
     "Social Care); some to NHS England and NHS Digital.",
     SRC_PHE_2013 + " ; " + SRC_PHE_END, "secondary"),
    ("uk-health-security-agency", "UK Health Security Agency", ["UKHSA", "United Kingdom Health Security Agency"],
     "2021-10-01", None, None, None, SRC_UKHSA + " ; " + SRC_PHE_END, "secondary"),
    ("office-for-health-improvement-and-disparities", "Office for Health Improvement and Disparities", ["OHID"],
     "2021-10-01", None, None, None, SRC_UKHSA + " ; " + SRC_PHE_END, "secondary"),
    ("national-offender-management-service", "National Offender Management Service", ["NOMS"], None, "2017-03-31",
     "hm-prison-and-probation-service", None, SRC_HMPPS, "secondary"),
    ("hm-prison-and-probation-service", "HM Prison and Probation Service",
     ["HMPPS", "Her Majesty's Prison and Probation Service", "His Majesty's Prison and Probation Service"],
     "2017-04-01", None, None, None, SRC_HMPPS, "secondary"),
    ("independent-police-complaints-commission", "Independent Police Complaints Commission", ["IPCC"], None, "2018-01-07",
     "independent-office-for-police-conduct", None, SRC_IOPC, "secondary"),
    ("independent-office-for-police-conduct", "Independent Office for Police Conduct", ["IOPC"], "2018-01-08", None,
     None, None, SRC_IOPC, "secondary"),
]

# ------------------------------------------------------------------------------------------------
# Emit
# ------------------------------------------------------------------------------------------------


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def arr(xs):
    return "[" + ", ".join(q(x) for x in xs) + "]"


def slug(s):
    import re
    s = s.lower().replace("&", "and").replace("'", "").replace(",", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


lines = []
w = lines.append


POLICE_IDS = {p["id"] for p in GAZ["police_area"]}


def body(id, name, kind, source, confidence, aliases=(), covers=(), frm=None, until=None, successor=None, note=None,
         by_area=None):
    """One [[body]]. `by_area`: (covers, successor id) pairs, for a body split by area the day after `until`."""
    for c in list(covers) + [c for part, _ in (by_area or []) for c in part]:
        assert c in AUTH or c in POLICE_IDS, (id, c)
    assert not (successor and by_area), id
    w("[[body]]")
    w(f"id = {q(id)}")
    w(f"name = {q(name)}")
    w(f"aliases = {arr(aliases)}")
    w(f"kind = {q(kind)}")
    if covers:
        w(f"covers = {arr(covers)}")
    if frm:
        w(f"from = {frm}")
    if until:
        w(f"until = {until}")
    if successor:
        w(f"successor = {q(successor)}")
    if by_area:
        w("successor_by_area = [")
        for part, succ in by_area:
            w(f"  {{ covers = {arr(part)}, successor = {q(succ)} }},")
        w("]")
    if note:
        w(f"successor_note = {q(note)}")
    w(f"source = {q(source)}")
    w(f"confidence = {q(confidence)}")
    w("")


def icb_aliases(area, extra):
    return [f"NHS {area} ICB", f"{area} ICB", f"{area} Integrated Care Board", f"NHS {area}"] + list(extra)


def ccg_aliases(area):
    return [f"NHS {area} CCG", f"{area} CCG", f"{area} Clinical Commissioning Group"]


w("# Generated by rules/tools/gen_successors.py: edit the tables there, then run it.")
w("# Successor bodies by area and date: health (PCT -> CCG -> ICB -> merged ICB), probation (trust ->")
w("# National Probation Service -> Probation Service region; CRC -> region), police authority -> PCC")
w("# (and PFCC or mayor), and fire authorities whose name or governance changed.")
w("# `covers`: for health bodies, authority ids of rules/gazetteer.toml (a county id means the county")
w("# council's area); for police, probation and fire bodies, police_area ids. Twenty ids name both a")
w("# police area and an authority (e.g. \"kent\"): read them by the body's kind as just said.")
w('schema = "csa-successors/1"')
w("")

# ICBs 2026 first (targets), then 2022 ICBs.
w("# ------------------------------------------------------------------------------------------")
w("# Integrated care boards from 2026-04-01 (merged footprints). The written statement of")
w("# 2025-09-09 announced them; NHS England's East of England page and Surrey Heartlands confirm")
w("# their own areas. Legal names in the 2026 establishment order were not seen: the names are")
w("# those NHS England uses. Kent and Medway and the other ICBs not listed here are unchanged;")
w("# Hampshire and Isle of Wight keeps its name with a boundary change (north east Hampshire).")
w("# ------------------------------------------------------------------------------------------")
w("")
for key, (area, covers, src) in ICB_2026.items():
    body(f"nhs-{key}-icb", f"NHS {area} Integrated Care Board", "health", src, "secondary",
         aliases=icb_aliases(area, []), covers=covers, frm="2026-04-01")

w("# ------------------------------------------------------------------------------------------")
w("# The 42 integrated care boards established on 2022-07-01.")
w("# ------------------------------------------------------------------------------------------")
w("")
for key, (area, covers, extra) in ICB.items():
    succ, note = ICB_MERGE.get(key, (None, None))
    until = "2026-03-31" if key in ICB_MERGE else None
    src = SRC_ICB_2022
    if key in ICB_MERGE:
        src += " ; end: " + (ICB_2026[succ][2] if succ else SRC_ICB_2026)
    split = ICB_SPLIT.get(key, [])
    body(f"nhs-{key}-icb", f"NHS {area} Integrated Care Board", "health", src, "secondary",
         aliases=icb_aliases(area, extra), covers=covers, frm="2022-07-01", until=until,
         successor=f"nhs-{succ}-icb" if succ else None, note=note, by_area=split or None)

w("# ------------------------------------------------------------------------------------------")
w("# The 106 clinical commissioning groups as they stood from 2021-04-01 to 2022-06-30, each")
w("# with the ICB that took over its area on 2022-07-01. `from` is left out: many were formed")
w("# by mergers on different days (2013-04-01 to 2021-04-01) not recorded here, except Kent's.")
w("# ------------------------------------------------------------------------------------------")
w("")
assert len(CCG) == 106, len(CCG)
# CCGs whose area went to two ICBs on 2022-07-01 (the notes above): area words -> [(covers, ICB key)].
CCG_SPLIT = {
    "Tameside and Glossop": [(["tameside"], "greater-manchester"), (["high-peak", "derbyshire"], "derby-and-derbyshire")],
    "Black Country and West Birmingham": [(["dudley", "sandwell", "walsall", "wolverhampton"], "black-country"),
                                          (["birmingham"], "birmingham-and-solihull")],
}
for area, icb, covers, note in CCG:
    assert icb in ICB, icb
    cid = f"nhs-{slug(area)}-ccg"
    frm = "2020-04-01" if area == "Kent and Medway" else None
    src = SRC_CCG_2021 + " ; " + SRC_ICB_2022
    conf = "unverified" if note and "unverified" in note else "secondary"
    if area == "Kent and Medway":
        src = SRC_KENT_CCG + " ; " + SRC_ICB_2022
    split = [(part, f"nhs-{k}-icb") for part, k in CCG_SPLIT.get(area, [])]
    body(cid, f"NHS {area} Clinical Commissioning Group", "health", src, conf,
         aliases=ccg_aliases(area), covers=covers, frm=frm, until="2022-06-30",
         successor=None if split else f"nhs-{icb}-icb", note=note, by_area=split or None)

w("# ------------------------------------------------------------------------------------------")
w("# Kent and Medway before 2020: eight CCGs (2013-04-01 to 2020-03-31) and the three primary")
w("# care trusts they replaced (until 2013-03-31). Source: " + SRC_KENT_CCG)
w("# ------------------------------------------------------------------------------------------")
w("")
for area, covers in KENT_CCG_2013:
    cid = f"nhs-{slug(area)}-2013-ccg"
    body(cid, f"NHS {area} Clinical Commissioning Group", "health", SRC_KENT_CCG, "secondary",
         aliases=ccg_aliases(area), covers=covers, frm="2013-04-01", until="2020-03-31",
         successor="nhs-kent-and-medway-ccg")
for pid, name, aliases, covers, succ, note in KENT_PCT:
    body(pid, name, "health", "https://en.wikipedia.org/wiki/Healthcare_in_Kent (three PCTs until April 2013); areas from memory",
         "secondary" if succ else "unverified", aliases=aliases, covers=covers, until="2013-03-31", successor=succ, note=note)

w("# Other primary care trusts (until 2013-03-31) whose area passed whole to one CCG that lasted")
w("# until 2022-06-30. Only those a lookup shows at 100% are listed; the rest are left out.")
w("")
for pct, ccg, covers in PCT_1TO1:
    short = pct.replace(" Teaching", "").replace(" City", "")
    body(f"{slug(pct)}-pct", f"{pct} Primary Care Trust", "health", SRC_PCT, "secondary",
         aliases=[f"NHS {short}", f"{short} PCT", f"{pct} PCT"], covers=covers, until="2013-03-31",
         successor=f"nhs-{slug(ccg)}-ccg",
         note="Commissioning passed to the CCG on 2013-04-01; public health to the council, other functions to NHS England.")

# Probation -----------------------------------------------------------------------------------
w("# ------------------------------------------------------------------------------------------")
w("# Probation. Probation Service regions from 2021-06-26 (eleven in England; Wales left out).")
w("# " + SRC_PROB_REGIONS)
w("# ------------------------------------------------------------------------------------------")
w("")
for key, (words, areas, conf) in REGIONS.items():
    body(f"probation-service-{key}", f"Probation Service ({words})", "probation", SRC_PROB_REGIONS + " ; " + SRC_PROB_UNIFY, conf,
         aliases=[f"Probation Service – {words}", f"Probation Service {words}", f"{words} probation region",
                  f"Probation Service {words} region"],
         covers=areas, frm="2021-06-26")

w("# The National Probation Service (2014-06-01 to 2021-06-25) was one national body; its work in")
w("# each area passed to that area's Probation Service region on 2021-06-26. The region is found by")
w("# the area: of the body a document names (a probation trust), else of the document; where neither")
w("# tells one region, csa does not know the successor and names none.")
w("")
ALL_POLICE = sorted(pa for _, (_, areas, _) in REGIONS.items() for pa in areas)
body("national-probation-service", "National Probation Service", "probation",
     SRC_TRUSTS + " ; " + SRC_PROB_UNIFY, "secondary", aliases=["NPS", "National Probation Service (NPS)"],
     covers=ALL_POLICE, frm="2014-06-01", until="2021-06-25",
     by_area=[(areas, f"probation-service-{key}") for key, (_, areas, _) in REGIONS.items()],
     note="Its work in each area passed on 2021-06-26 to the Probation Service region for the area.")

region_of = {pa: key for key, (_, areas, _) in REGIONS.items() for pa in areas}

w("# The 34 English probation trusts (the 35th was Wales), until 2014-05-31. Their")
w("# offender-management work went to the National Probation Service and the CRC for the area.")
w("")
for words, areas in TRUSTS:
    regs = {region_of[a] for a in areas}
    assert len(regs) == 1, (words, regs)
    kent = words == "Kent"
    src = SRC_TRUSTS + (" ; Kent CSA 2014-17 (examples/kent-2014-17.csa, from Kent County Council committee papers of "
                        "2015-02-04): 'Kent Probation will be replaced by the National Probation Service and the Kent, "
                        "Surrey and Sussex Community Rehabilitation Company'" if kent else "")
    body(f"{slug(words)}-probation-trust", f"{words} Probation Trust", "probation", src, "secondary" if kent else "unverified",
         aliases=[f"{words} Probation"], covers=areas, until="2014-05-31",
         successor="national-probation-service",
         note="Split on 2014-06-01 between the National Probation Service and the Community Rehabilitation Company for the area.")

w("# The 20 English Community Rehabilitation Companies (the 21st was Wales), 2014-06-01 to")
w("# 2021-06-25; their work passed to the Probation Service on 2021-06-26.")
w("")
for words, short, areas in CRCS:
    regs = sorted({region_of[a] for a in areas})
    succ = f"probation-service-{regs[0]}" if len(regs) == 1 else None
    note = None
    split = None
    if not succ:
        note = "Area split between Probation Service regions on 2021-06-26: " + ", ".join(
            f"Probation Service ({REGIONS[r][0]})" for r in regs) + "."
        split = [([a for a in areas if region_of[a] == r], f"probation-service-{r}") for r in regs]
    aliases = [f"{words} CRC"] + ([short] if short else [])
    body(f"{slug(words)}-crc", f"{words} Community Rehabilitation Company", "probation", SRC_CRCS, "secondary",
         aliases=aliases, covers=areas, frm="2014-06-01", until="2021-06-25", successor=succ, note=note, by_area=split)

# Police: from the gazetteer's governance ----------------------------------------------------
w("# ------------------------------------------------------------------------------------------")
w("# Police authorities and the offices that took over their role, from rules/gazetteer.toml")
w("# (police_area.governance). Kind \"police-authority\" is the local policing body; note that a")
w("# PCC, unlike a police authority before 2012-11-22, is not a responsible authority (CDA s5).")
w("# ------------------------------------------------------------------------------------------")
w("")
for pa in GAZ["police_area"]:
    govs = pa["governance"]
    ids = []
    for i, g in enumerate(govs):
        ids.append(f"{pa['id']}-{g['role']}" if pa["id"] != "city-of-london" else "city-of-london-police-authority")
    for i, g in enumerate(govs):
        nxt = ids[i + 1] if i + 1 < len(govs) else None
        aliases = []
        if g["role"] == "police-authority" and pa["id"] != "city-of-london":
            aliases = [f"{pa['name']} PA"]
        elif g["role"] == "pcc":
            aliases = [f"{pa['name']} Police and Crime Commissioner", f"{pa['name']} PCC",
                       f"Office of the {pa['name']} Police and Crime Commissioner", f"OPCC for {pa['name']}"]
        elif g["role"] == "pfcc":
            aliases = [f"{pa['name']} Police, Fire and Crime Commissioner", f"{pa['name']} PFCC"]
        frm = g.get("from")
        until = g.get("until")
        body(ids[i], g["holder"], "police-authority", g["source"], g["confidence"], aliases=aliases, covers=[pa["id"]],
             frm=frm.isoformat() if frm else None, until=until.isoformat() if until else None, successor=nxt)

# Fire ---------------------------------------------------------------------------------------
w("# ------------------------------------------------------------------------------------------")
w("# Fire and rescue authorities whose name or governance changed on a known day. Most days are")
w("# from memory of the orders named in `source` and are unverified. Where a commissioner or mayor")
w("# is the fire authority, the person's title is left to the police entries above (one name, one body).")
w("# ------------------------------------------------------------------------------------------")
w("")
for fid, name, aliases, covers, frm, until, succ, note, src, conf in FIRE:
    body(fid, name, "fire", src, conf, aliases=aliases, covers=covers, frm=frm, until=until, successor=succ, note=note)

# National bodies ------------------------------------------------------------------------------
w("# ------------------------------------------------------------------------------------------")
w("# National bodies partnerships name that are not responsible authorities (kind \"national\"),")
w("# replaced or renamed since 2010. Public Health England's functions were split by function, not")
w("# by area, so it has no single successor: csa names none and says why.")
w("# ------------------------------------------------------------------------------------------")
w("")
for nid, name, aliases, frm, until, succ, note, src, conf in NATIONAL:
    body(nid, name, "national", src, conf, aliases=aliases, frm=frm, until=until, successor=succ, note=note)

OUT.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
print(f"wrote {OUT}")
