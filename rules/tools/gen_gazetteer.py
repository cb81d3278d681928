#!/usr/bin/env python3
"""Write rules/gazetteer.toml from the compact tables below.

Run from the repository root:  python3 rules/tools/gen_gazetteer.py
Edit the tables here, not the generated file. Every group names its source and confidence:
  verified   = read on a primary source (legislation.gov.uk, gov.uk, the body's own page)
  secondary  = read on a secondary source (Wikipedia and its mirrors, news, other councils)
  unverified = from memory or inference, not yet read anywhere
"""

import pathlib
import re

OUT = pathlib.Path(__file__).resolve().parents[1] / "gazetteer.toml"

# --------------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------------
SRC_UNITARY = "https://en.wikipedia.org/wiki/Unitary_authorities_of_England"
SRC_NONMET = "https://db0nus869y26v.cloudfront.net/en/Non-metropolitan_district"
SRC_SUBDIV = "https://www.wiki3.en-us.nina.az/Subdivisions_of_England.html"
SRC_POLICE_ACT = "Police Act 1996 Sch 1 (police areas outside London); names as in https://www.legislation.gov.uk/uksi/2012/2084/made/data.html Sch 1 (one row per police area in England; partly read); Metropolitan Police District and City of London: PRSRA 2011 s3 and http://legislation.gov.uk/uksi/2011/3058/note/2012-01-16"
SRC_PRSRA = "https://www.legislation.gov.uk/uksi/2012/2892/made/data.html (PRSRA 2011 Part 1 in force 2012-11-22: s1 creates PCCs, s1(9) abolishes police authorities)"
SRC_MOPAC = "https://www.legislation.gov.uk/uksi/2011/3019/made/data.xht (PRSRA 2011 s3 etc. in force 2012-01-16: MOPAC replaces the Metropolitan Police Authority); http://policeauthority.org/metropolitan/home/index.html (MPA archive as on 15 January 2012, when its functions transferred)"
SRC_GM = "https://www.legislation.gov.uk/uksi/2016/448/note/made/data.html (no PCC for Greater Manchester from 2017-05-08, the day the mayor takes office); https://legislation.gov.uk/uksi/2017/470/body?view=plain+extent (in force 2017-05-08)"
SRC_WY = "https://www.legislation.gov.uk/uksi/2021/112/part/10/made/data.html (art 34: no PCC for West Yorkshire from 2021-05-10; the Mayor exercises PCC functions from that day)"
SRC_SY = "https://www.legislation.gov.uk/uksi/2024/414/body/made/data.html"
SRC_YNY = "https://legislation.gov.uk/uksi/2023/1432/part/1/2023-12-20/data.html (York and North Yorkshire Combined Authority Order 2023: arts 27 and 41(1) (PFCC and fire functions to the Combined Authority and its Mayor) in force 2024-05-07)"
SRC_PFCC_ESSEX = "https://www.gov.uk/government/news/three-more-pccs-to-take-on-responsibility-of-local-fire-and-rescue-services"
SRC_PFCC_NORTHANTS = "https://www.gov.uk/government/news/northamptonshire-pcc-to-take-over-fire-and-rescue-service"
SRC_PFCC_2021 = "https://thebigredguide.com/amp/news/fpa-announces-super-thursday-elections-changes-runs-fire-services-co-1728-ga-co-3286-ga-co-3289-ga-co-3294-ga-co-3295-ga-co-3297-ga-co-3301-ga-co-3303-ga-co-3304-ga-co-3305-ga-co-3306-ga-co-3312-ga-co-1683049764-ga.1684141417.html"
SRC_LAW2026 = "../shared/domain/law-2023-2026.md s1a (gov.uk release 2025-11-13 via wired-gov; Commons statement 2025-11-13)"

# --------------------------------------------------------------------------------------------
# Police force areas of England (39). id, name, force, aliases, governance kind.
# governance kind:
#   "pcc"               police authority until 2012-11-21, PCC from 2012-11-22
#   ("pfcc", date, src) as pcc, then PFCC from date (fire governance transferred)
#   special handling below for metropolitan, city-of-london, greater-manchester, west-yorkshire,
#   south-yorkshire, north-yorkshire
# --------------------------------------------------------------------------------------------
POLICE = [
    ("avon-and-somerset", "Avon and Somerset", "Avon and Somerset Police", ["Avon & Somerset"]),
    ("bedfordshire", "Bedfordshire", "Bedfordshire Police", []),
    ("cambridgeshire", "Cambridgeshire", "Cambridgeshire Constabulary", ["Cambridgeshire and Peterborough"]),
    ("cheshire", "Cheshire", "Cheshire Constabulary", []),
    ("city-of-london", "City of London", "City of London Police", ["City of London Police area"]),
    ("cleveland", "Cleveland", "Cleveland Police", []),
    ("cumbria", "Cumbria", "Cumbria Constabulary", []),
    ("derbyshire", "Derbyshire", "Derbyshire Constabulary", []),
    ("devon-and-cornwall", "Devon and Cornwall", "Devon and Cornwall Police", ["Devon & Cornwall", "Devon, Cornwall and the Isles of Scilly"]),
    ("dorset", "Dorset", "Dorset Police", []),
    ("durham", "Durham", "Durham Constabulary", ["County Durham and Darlington"]),
    ("essex", "Essex", "Essex Police", []),
    ("gloucestershire", "Gloucestershire", "Gloucestershire Constabulary", []),
    ("greater-manchester", "Greater Manchester", "Greater Manchester Police", ["GMP"]),
    ("hampshire", "Hampshire", "Hampshire and Isle of Wight Constabulary", ["Hampshire and Isle of Wight", "Hampshire and the Isle of Wight", "Hampshire Constabulary"]),
    ("hertfordshire", "Hertfordshire", "Hertfordshire Constabulary", []),
    ("humberside", "Humberside", "Humberside Police", []),
    ("kent", "Kent", "Kent Police", ["Kent and Medway"]),
    ("lancashire", "Lancashire", "Lancashire Constabulary", []),
    ("leicestershire", "Leicestershire", "Leicestershire Police", ["Leicester, Leicestershire and Rutland"]),
    ("lincolnshire", "Lincolnshire", "Lincolnshire Police", []),
    ("merseyside", "Merseyside", "Merseyside Police", []),
    ("metropolitan", "Metropolitan Police District", "Metropolitan Police Service", ["London", "Greater London", "Metropolitan Police"]),
    ("norfolk", "Norfolk", "Norfolk Constabulary", []),
    ("north-yorkshire", "North Yorkshire", "North Yorkshire Police", ["York and North Yorkshire"]),
    ("northamptonshire", "Northamptonshire", "Northamptonshire Police", []),
    ("northumbria", "Northumbria", "Northumbria Police", []),
    ("nottinghamshire", "Nottinghamshire", "Nottinghamshire Police", []),
    ("south-yorkshire", "South Yorkshire", "South Yorkshire Police", []),
    ("staffordshire", "Staffordshire", "Staffordshire Police", ["Staffordshire and Stoke-on-Trent"]),
    ("suffolk", "Suffolk", "Suffolk Constabulary", []),
    ("surrey", "Surrey", "Surrey Police", []),
    ("sussex", "Sussex", "Sussex Police", []),
    ("thames-valley", "Thames Valley", "Thames Valley Police", []),
    ("warwickshire", "Warwickshire", "Warwickshire Police", []),
    ("west-mercia", "West Mercia", "West Mercia Police", []),
    ("west-midlands", "West Midlands", "West Midlands Police", []),
    ("west-yorkshire", "West Yorkshire", "West Yorkshire Police", []),
    ("wiltshire", "Wiltshire", "Wiltshire Police", ["Wiltshire and Swindon"]),
]

# How a sentence names an area whose name needs an article ("the Plan for the Metropolitan
# Police District"); every other area is named as it is. The statute writes both with "the".
SRC_DISPLAY = "Police Act 1996 s1(2)(b), (c) ('the metropolitan police district', 'the City of London police area'; https://www.legislation.gov.uk/ukpga/1996/16/section/1)"
DISPLAY = {
    "city-of-london": "the City of London",
    "metropolitan": "the Metropolitan Police District",
}

# PFCC: fire governance transferred to the commissioner. (id, from, source, confidence)
PFCC = {
    "essex": ("2017-10-01", "https://www.legislation.gov.uk/uksi/2017/864/made (Police, Fire and Crime Commissioner for Essex (Fire and Rescue Authority) Order 2017, in force 2017-10-01)", "verified"),
    "staffordshire": ("2018-08-01", "https://beta.bailii.org/uk/legis/num_reg/2018/uksi_2018696_en_1.html (Police, Fire and Crime Commissioner for Staffordshire (Fire and Rescue Authority) Order 2018, SI 2018/696, in force 2018-08-01)", "verified"),
    # SI 2018/970 named in the Lords division https://votes.parliament.uk/Votes/Lords/Division/2174 ;
    # the day it came into force was not read.
    "north-yorkshire": ("2018-11-15", "Police, Fire and Crime Commissioner for North Yorkshire (Fire and Rescue Authority) Order 2018 (SI 2018/970; https://votes.parliament.uk/Votes/Lords/Division/2174); day not read", "unverified"),
    "northamptonshire": ("2019-01-01", "http://www.legislation.gov.uk./uksi/2018/1072/part/1/made/data.xht?view=snippet&wrap=true (SI 2018/1072, in force 2019-01-01)", "verified"),
    # Cumbria: the county council (the fire authority) was abolished 2023-03-31.
    "cumbria": ("2023-04-01", "https://cumbria-pfcc.gov.uk/what-we-do/fire-governance ('On 1st April 2023, the Police & Crime Commissioner legally became Cumbria's Police, Fire and Crime Commissioner')", "verified"),
}

# --------------------------------------------------------------------------------------------
# Authorities. Tables are keyed by county/police area; each entry is (name, council title, [aliases]).
# --------------------------------------------------------------------------------------------

def slug(s):
    s = s.lower().replace("&", "and").replace("'", "").replace(",", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


# Shire counties that still have a county council (21), with their districts (164).
# (county id, county name, police area, [districts (area, council name, aliases)])
COUNTIES = [
    ("cambridgeshire", "Cambridgeshire", "cambridgeshire", [
        ("Cambridge", "Cambridge City Council", []),
        ("East Cambridgeshire", "East Cambridgeshire District Council", []),
        ("Fenland", "Fenland District Council", []),
        ("Huntingdonshire", "Huntingdonshire District Council", []),
        ("South Cambridgeshire", "South Cambridgeshire District Council", []),
    ]),
    ("derbyshire", "Derbyshire", "derbyshire", [
        ("Amber Valley", "Amber Valley Borough Council", []),
        ("Bolsover", "Bolsover District Council", []),
        ("Chesterfield", "Chesterfield Borough Council", []),
        ("Derbyshire Dales", "Derbyshire Dales District Council", []),
        ("Erewash", "Erewash Borough Council", []),
        ("High Peak", "High Peak Borough Council", []),
        ("North East Derbyshire", "North East Derbyshire District Council", []),
        ("South Derbyshire", "South Derbyshire District Council", []),
    ]),
    ("devon", "Devon", "devon-and-cornwall", [
        ("East Devon", "East Devon District Council", []),
        ("Exeter", "Exeter City Council", []),
        ("Mid Devon", "Mid Devon District Council", []),
        ("North Devon", "North Devon Council", []),
        ("South Hams", "South Hams District Council", []),
        ("Teignbridge", "Teignbridge District Council", []),
        ("Torridge", "Torridge District Council", []),
        ("West Devon", "West Devon Borough Council", []),
    ]),
    ("east-sussex", "East Sussex", "sussex", [
        ("Eastbourne", "Eastbourne Borough Council", []),
        ("Hastings", "Hastings Borough Council", []),
        ("Lewes", "Lewes District Council", []),
        ("Rother", "Rother District Council", []),
        ("Wealden", "Wealden District Council", []),
    ]),
    ("essex", "Essex", "essex", [
        ("Basildon", "Basildon Borough Council", []),
        ("Braintree", "Braintree District Council", []),
        ("Brentwood", "Brentwood Borough Council", []),
        ("Castle Point", "Castle Point Borough Council", []),
        ("Chelmsford", "Chelmsford City Council", []),
        ("Colchester", "Colchester City Council", ["Colchester Borough Council"]),
        ("Epping Forest", "Epping Forest District Council", []),
        ("Harlow", "Harlow District Council", []),
        ("Maldon", "Maldon District Council", []),
        ("Rochford", "Rochford District Council", []),
        ("Tendring", "Tendring District Council", []),
        ("Uttlesford", "Uttlesford District Council", []),
    ]),
    ("gloucestershire", "Gloucestershire", "gloucestershire", [
        ("Cheltenham", "Cheltenham Borough Council", []),
        ("Cotswold", "Cotswold District Council", []),
        ("Forest of Dean", "Forest of Dean District Council", []),
        ("Gloucester", "Gloucester City Council", []),
        ("Stroud", "Stroud District Council", []),
        ("Tewkesbury", "Tewkesbury Borough Council", []),
    ]),
    ("hampshire", "Hampshire", "hampshire", [
        ("Basingstoke and Deane", "Basingstoke and Deane Borough Council", []),
        ("East Hampshire", "East Hampshire District Council", []),
        ("Eastleigh", "Eastleigh Borough Council", []),
        ("Fareham", "Fareham Borough Council", []),
        ("Gosport", "Gosport Borough Council", []),
        ("Hart", "Hart District Council", []),
        ("Havant", "Havant Borough Council", []),
        ("New Forest", "New Forest District Council", []),
        ("Rushmoor", "Rushmoor Borough Council", []),
        ("Test Valley", "Test Valley Borough Council", []),
        ("Winchester", "Winchester City Council", []),
    ]),
    ("hertfordshire", "Hertfordshire", "hertfordshire", [
        ("Broxbourne", "Broxbourne Borough Council", []),
        ("Dacorum", "Dacorum Borough Council", []),
        ("East Hertfordshire", "East Hertfordshire District Council", []),
        ("Hertsmere", "Hertsmere Borough Council", []),
        ("North Hertfordshire", "North Hertfordshire District Council", []),
        ("St Albans", "St Albans City and District Council", ["St Albans City and District"]),
        ("Stevenage", "Stevenage Borough Council", []),
        ("Three Rivers", "Three Rivers District Council", []),
        ("Watford", "Watford Borough Council", []),
        ("Welwyn Hatfield", "Welwyn Hatfield Borough Council", []),
    ]),
    ("kent", "Kent", "kent", [
        ("Ashford", "Ashford Borough Council", ["Ashford Borough"]),
        ("Canterbury", "Canterbury City Council", []),
        ("Dartford", "Dartford Borough Council", []),
        ("Dover", "Dover District Council", []),
        # Shepway District Council renamed Folkestone and Hythe District Council on 2018-04-01.
        ("Folkestone and Hythe", "Folkestone and Hythe District Council", ["Shepway", "Shepway District Council", "Folkestone & Hythe"]),
        ("Gravesham", "Gravesham Borough Council", []),
        ("Maidstone", "Maidstone Borough Council", []),
        ("Sevenoaks", "Sevenoaks District Council", []),
        ("Swale", "Swale Borough Council", []),
        ("Thanet", "Thanet District Council", []),
        ("Tonbridge and Malling", "Tonbridge and Malling Borough Council", ["Tonbridge & Malling"]),
        ("Tunbridge Wells", "Tunbridge Wells Borough Council", []),
    ]),
    ("lancashire", "Lancashire", "lancashire", [
        ("Burnley", "Burnley Borough Council", []),
        ("Chorley", "Chorley Council", []),
        ("Fylde", "Fylde Borough Council", []),
        ("Hyndburn", "Hyndburn Borough Council", []),
        ("Lancaster", "Lancaster City Council", []),
        ("Pendle", "Pendle Borough Council", []),
        ("Preston", "Preston City Council", []),
        ("Ribble Valley", "Ribble Valley Borough Council", []),
        ("Rossendale", "Rossendale Borough Council", []),
        ("South Ribble", "South Ribble Borough Council", []),
        ("West Lancashire", "West Lancashire Borough Council", []),
        ("Wyre", "Wyre Council", ["Wyre Borough Council"]),
    ]),
    ("leicestershire", "Leicestershire", "leicestershire", [
        ("Blaby", "Blaby District Council", []),
        ("Charnwood", "Charnwood Borough Council", []),
        ("Harborough", "Harborough District Council", []),
        ("Hinckley and Bosworth", "Hinckley and Bosworth Borough Council", []),
        ("Melton", "Melton Borough Council", []),
        ("North West Leicestershire", "North West Leicestershire District Council", []),
        ("Oadby and Wigston", "Oadby and Wigston Borough Council", []),
    ]),
    ("lincolnshire", "Lincolnshire", "lincolnshire", [
        ("Boston", "Boston Borough Council", []),
        ("East Lindsey", "East Lindsey District Council", []),
        ("Lincoln", "City of Lincoln Council", ["City of Lincoln"]),
        ("North Kesteven", "North Kesteven District Council", []),
        ("South Holland", "South Holland District Council", []),
        ("South Kesteven", "South Kesteven District Council", []),
        ("West Lindsey", "West Lindsey District Council", []),
    ]),
    ("norfolk", "Norfolk", "norfolk", [
        ("Breckland", "Breckland District Council", []),
        ("Broadland", "Broadland District Council", []),
        ("Great Yarmouth", "Great Yarmouth Borough Council", []),
        ("King's Lynn and West Norfolk", "Borough Council of King's Lynn and West Norfolk", ["King's Lynn & West Norfolk"]),
        ("North Norfolk", "North Norfolk District Council", []),
        ("Norwich", "Norwich City Council", []),
        ("South Norfolk", "South Norfolk Council", ["South Norfolk District Council"]),
    ]),
    ("nottinghamshire", "Nottinghamshire", "nottinghamshire", [
        ("Ashfield", "Ashfield District Council", []),
        ("Bassetlaw", "Bassetlaw District Council", []),
        ("Broxtowe", "Broxtowe Borough Council", []),
        ("Gedling", "Gedling Borough Council", []),
        ("Mansfield", "Mansfield District Council", []),
        ("Newark and Sherwood", "Newark and Sherwood District Council", []),
        ("Rushcliffe", "Rushcliffe Borough Council", []),
    ]),
    ("oxfordshire", "Oxfordshire", "thames-valley", [
        ("Cherwell", "Cherwell District Council", []),
        ("Oxford", "Oxford City Council", []),
        ("South Oxfordshire", "South Oxfordshire District Council", []),
        ("Vale of White Horse", "Vale of White Horse District Council", []),
        ("West Oxfordshire", "West Oxfordshire District Council", []),
    ]),
    ("staffordshire", "Staffordshire", "staffordshire", [
        ("Cannock Chase", "Cannock Chase District Council", []),
        ("East Staffordshire", "East Staffordshire Borough Council", []),
        ("Lichfield", "Lichfield District Council", []),
        ("Newcastle-under-Lyme", "Newcastle-under-Lyme Borough Council", []),
        ("South Staffordshire", "South Staffordshire District Council", []),
        ("Stafford", "Stafford Borough Council", []),
        ("Staffordshire Moorlands", "Staffordshire Moorlands District Council", []),
        ("Tamworth", "Tamworth Borough Council", []),
    ]),
    ("suffolk", "Suffolk", "suffolk", [
        ("Babergh", "Babergh District Council", []),
        ("East Suffolk", "East Suffolk Council", [], "2019-04-01"),
        ("Ipswich", "Ipswich Borough Council", []),
        ("Mid Suffolk", "Mid Suffolk District Council", []),
        ("West Suffolk", "West Suffolk Council", [], "2019-04-01"),
    ]),
    ("surrey", "Surrey", "surrey", [
        ("Elmbridge", "Elmbridge Borough Council", []),
        ("Epsom and Ewell", "Epsom and Ewell Borough Council", ["Epsom & Ewell"]),
        ("Guildford", "Guildford Borough Council", []),
        ("Mole Valley", "Mole Valley District Council", []),
        ("Reigate and Banstead", "Reigate and Banstead Borough Council", ["Reigate & Banstead"]),
        ("Runnymede", "Runnymede Borough Council", []),
        ("Spelthorne", "Spelthorne Borough Council", []),
        ("Surrey Heath", "Surrey Heath Borough Council", []),
        ("Tandridge", "Tandridge District Council", []),
        ("Waverley", "Waverley Borough Council", []),
        ("Woking", "Woking Borough Council", []),
    ]),
    ("warwickshire", "Warwickshire", "warwickshire", [
        ("North Warwickshire", "North Warwickshire Borough Council", []),
        ("Nuneaton and Bedworth", "Nuneaton and Bedworth Borough Council", []),
        ("Rugby", "Rugby Borough Council", []),
        ("Stratford-on-Avon", "Stratford-on-Avon District Council", []),
        ("Warwick", "Warwick District Council", []),
    ]),
    ("west-sussex", "West Sussex", "sussex", [
        ("Adur", "Adur District Council", []),
        ("Arun", "Arun District Council", []),
        ("Chichester", "Chichester District Council", []),
        ("Crawley", "Crawley Borough Council", []),
        ("Horsham", "Horsham District Council", []),
        ("Mid Sussex", "Mid Sussex District Council", []),
        ("Worthing", "Worthing Borough Council", []),
    ]),
    ("worcestershire", "Worcestershire", "west-mercia", [
        ("Bromsgrove", "Bromsgrove District Council", []),
        ("Malvern Hills", "Malvern Hills District Council", []),
        ("Redditch", "Redditch Borough Council", []),
        ("Worcester", "Worcester City Council", []),
        ("Wychavon", "Wychavon District Council", []),
        ("Wyre Forest", "Wyre Forest District Council", []),
    ]),
]

# Surrey from 2027-04-01: East Surrey Council and West Surrey Council replace Surrey County Council
# and its 11 districts (decided 2025-10-28; shadow councils elected 2026-05-07).
SRC_SURREY_2027 = ("https://www.spelthorne.gov.uk/page/1747/local-government-surrey-changing (from 1 April 2027 two "
                   "new unitary councils, East Surrey and West Surrey; West Surrey Council election 7 May 2026) ; "
                   "http://policy-wire.co.uk/surrey-unitary-councils-secondary-legislation-and-2026-elections (the "
                   "Structural Changes Order establishes East Surrey Council and West Surrey Council and abolishes "
                   "the twelve councils on 1 April 2027; Order number not read)")
SURREY_2027 = {
    "Elmbridge": "east-surrey", "Epsom and Ewell": "east-surrey", "Mole Valley": "east-surrey",
    "Reigate and Banstead": "east-surrey", "Tandridge": "east-surrey",
    "Guildford": "west-surrey", "Runnymede": "west-surrey", "Spelthorne": "west-surrey",
    "Surrey Heath": "west-surrey", "Waverley": "west-surrey", "Woking": "west-surrey",
}

# Metropolitan districts (36), by metropolitan county (no county council since 1986).
METS = [
    ("Greater Manchester", "greater-manchester", [
        ("Bolton", "Bolton Council"), ("Bury", "Bury Council"), ("Manchester", "Manchester City Council"),
        ("Oldham", "Oldham Council"), ("Rochdale", "Rochdale Borough Council"), ("Salford", "Salford City Council"),
        ("Stockport", "Stockport Council"), ("Tameside", "Tameside Metropolitan Borough Council"),
        ("Trafford", "Trafford Council"), ("Wigan", "Wigan Council"),
    ]),
    ("Merseyside", "merseyside", [
        ("Knowsley", "Knowsley Council"), ("Liverpool", "Liverpool City Council"),
        ("St Helens", "St Helens Borough Council"), ("Sefton", "Sefton Council"), ("Wirral", "Wirral Council"),
    ]),
    ("South Yorkshire", "south-yorkshire", [
        ("Barnsley", "Barnsley Metropolitan Borough Council"), ("Doncaster", "City of Doncaster Council"),
        ("Rotherham", "Rotherham Metropolitan Borough Council"), ("Sheffield", "Sheffield City Council"),
    ]),
    ("Tyne and Wear", "northumbria", [
        ("Gateshead", "Gateshead Council"), ("Newcastle upon Tyne", "Newcastle City Council"),
        ("North Tyneside", "North Tyneside Council"), ("South Tyneside", "South Tyneside Council"),
        ("Sunderland", "Sunderland City Council"),
    ]),
    ("West Midlands", "west-midlands", [
        ("Birmingham", "Birmingham City Council"), ("Coventry", "Coventry City Council"),
        ("Dudley", "Dudley Metropolitan Borough Council"), ("Sandwell", "Sandwell Metropolitan Borough Council"),
        ("Solihull", "Solihull Metropolitan Borough Council"), ("Walsall", "Walsall Council"),
        ("Wolverhampton", "City of Wolverhampton Council"),
    ]),
    ("West Yorkshire", "west-yorkshire", [
        ("Bradford", "City of Bradford Metropolitan District Council"), ("Calderdale", "Calderdale Council"),
        ("Kirklees", "Kirklees Council"), ("Leeds", "Leeds City Council"), ("Wakefield", "Wakefield Council"),
    ]),
]

LONDON = [
    "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "Croydon", "Ealing",
    "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering",
    "Hillingdon", "Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth",
    "Lewisham", "Merton", "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton",
    "Tower Hamlets", "Waltham Forest", "Wandsworth", "Westminster",
]
LONDON_COUNCIL = {
    "Greenwich": "Royal Borough of Greenwich",
    "Kensington and Chelsea": "Royal Borough of Kensington and Chelsea",
    "Kingston upon Thames": "Royal Borough of Kingston upon Thames",
    "Westminster": "Westminster City Council",
}

# Unitary authorities in existence before 2009 and still current (44): (area, council, police, aliases)
UNITARIES_OLD = [
    ("Bath and North East Somerset", "Bath and North East Somerset Council", "avon-and-somerset", ["BANES", "B&NES"]),
    ("Bristol", "Bristol City Council", "avon-and-somerset", ["City of Bristol"]),
    ("North Somerset", "North Somerset Council", "avon-and-somerset", []),
    ("South Gloucestershire", "South Gloucestershire Council", "avon-and-somerset", []),
    ("Hartlepool", "Hartlepool Borough Council", "cleveland", []),
    ("Middlesbrough", "Middlesbrough Council", "cleveland", []),
    ("Redcar and Cleveland", "Redcar and Cleveland Borough Council", "cleveland", []),
    ("Stockton-on-Tees", "Stockton-on-Tees Borough Council", "cleveland", []),
    ("Darlington", "Darlington Borough Council", "durham", []),
    ("East Riding of Yorkshire", "East Riding of Yorkshire Council", "humberside", []),
    ("Kingston upon Hull", "Hull City Council", "humberside", ["Hull"]),
    ("North East Lincolnshire", "North East Lincolnshire Council", "humberside", []),
    ("North Lincolnshire", "North Lincolnshire Council", "humberside", []),
    ("York", "City of York Council", "north-yorkshire", ["City of York"]),
    ("Blackburn with Darwen", "Blackburn with Darwen Borough Council", "lancashire", []),
    ("Blackpool", "Blackpool Council", "lancashire", []),
    ("Halton", "Halton Borough Council", "cheshire", []),
    ("Warrington", "Warrington Borough Council", "cheshire", []),
    ("Derby", "Derby City Council", "derbyshire", []),
    ("Leicester", "Leicester City Council", "leicestershire", []),
    ("Rutland", "Rutland County Council", "leicestershire", []),
    ("Nottingham", "Nottingham City Council", "nottinghamshire", []),
    ("Herefordshire", "Herefordshire Council", "west-mercia", ["County of Herefordshire"]),
    ("Telford and Wrekin", "Telford and Wrekin Council", "west-mercia", []),
    ("Stoke-on-Trent", "Stoke-on-Trent City Council", "staffordshire", []),
    ("Plymouth", "Plymouth City Council", "devon-and-cornwall", []),
    ("Torbay", "Torbay Council", "devon-and-cornwall", []),
    ("Peterborough", "Peterborough City Council", "cambridgeshire", []),
    ("Luton", "Luton Borough Council", "bedfordshire", []),
    ("Southend-on-Sea", "Southend-on-Sea City Council", "essex", ["Southend", "Southend-on-Sea Borough Council"]),
    ("Thurrock", "Thurrock Council", "essex", []),
    ("Medway", "Medway Council", "kent", []),
    ("Bracknell Forest", "Bracknell Forest Council", "thames-valley", []),
    ("West Berkshire", "West Berkshire Council", "thames-valley", []),
    ("Reading", "Reading Borough Council", "thames-valley", []),
    ("Slough", "Slough Borough Council", "thames-valley", []),
    ("Windsor and Maidenhead", "Royal Borough of Windsor and Maidenhead", "thames-valley", ["RBWM"]),
    ("Wokingham", "Wokingham Borough Council", "thames-valley", []),
    ("Milton Keynes", "Milton Keynes City Council", "thames-valley", ["Milton Keynes Council"]),
    ("Brighton and Hove", "Brighton and Hove City Council", "sussex", ["Brighton & Hove"]),
    ("Portsmouth", "Portsmouth City Council", "hampshire", []),
    ("Southampton", "Southampton City Council", "hampshire", []),
    ("Isle of Wight", "Isle of Wight Council", "hampshire", []),
    ("Swindon", "Swindon Borough Council", "wiltshire", []),
]

# --------------------------------------------------------------------------------------------
# Reorganisations since 2009. Each: new unitaries (area, council, police, from, id, aliases),
# abolished county (id, name, police, until, successors), abolished districts (area, council, until,
# successors) and the source.
# --------------------------------------------------------------------------------------------
SRC_2009 = "Local Government (Structural Changes) orders 2008 (SI 2008/490-494, 2008/634, 2008/907); " + SRC_UNITARY
SRC_2019_DORSET = "Bournemouth, Dorset and Poole (Structural Changes) Order 2018 (SI 2018/648); " + SRC_UNITARY
SRC_2019_SUFFOLK = "East Suffolk (Local Government Changes) Order 2018 (SI 2018/640); West Suffolk (Local Government Changes) Order 2018 (SI 2018/639)"
SRC_2019_SWT = "Somerset West and Taunton (Local Government Changes) Order 2018 (SI 2018/649)"
SRC_2020_BUCKS = "Buckinghamshire (Structural Changes) Order 2019 (SI 2019/957); " + SRC_UNITARY
SRC_2021_NORTHANTS = "Northamptonshire (Structural Changes) Order 2020 (SI 2020/156); " + SRC_UNITARY
SRC_2023 = "Cumbria (Structural Changes) Order 2022 (SI 2022/331); North Yorkshire (Structural Changes) Order 2022 (SI 2022/328); Somerset (Structural Changes) Order 2022 (SI 2022/329); " + SRC_UNITARY

REORGS = []


def reorg(day, src, new, counties, districts, note=None):
    REORGS.append(dict(day=day, src=src, new=new, counties=counties, districts=districts, note=note))


# 2009-04-01: nine unitaries.
reorg("2009-04-01", SRC_2009,
      new=[
          ("Bedford", "Bedford Borough Council", "bedfordshire", "bedford", []),
          ("Central Bedfordshire", "Central Bedfordshire Council", "bedfordshire", "central-bedfordshire", []),
          ("Cheshire East", "Cheshire East Council", "cheshire", "cheshire-east", []),
          ("Cheshire West and Chester", "Cheshire West and Chester Council", "cheshire", "cheshire-west-and-chester", ["CWaC"]),
          ("Cornwall", "Cornwall Council", "devon-and-cornwall", "cornwall", []),
          ("County Durham", "Durham County Council", "durham", "county-durham", ["Durham"]),
          ("Northumberland", "Northumberland County Council", "northumbria", "northumberland", []),
          ("Shropshire", "Shropshire Council", "west-mercia", "shropshire", []),
          ("Wiltshire", "Wiltshire Council", "wiltshire", "wiltshire", []),
      ],
      counties=[
          ("bedfordshire-county", "Bedfordshire County Council", "Bedfordshire", "bedfordshire", ["bedford", "central-bedfordshire"]),
          ("cheshire-county", "Cheshire County Council", "Cheshire", "cheshire", ["cheshire-east", "cheshire-west-and-chester"]),
          ("cornwall-county", "Cornwall County Council", "Cornwall", "devon-and-cornwall", ["cornwall"]),
          ("durham-county", "Durham County Council", "Durham", "durham", ["county-durham"]),
          ("northumberland-county", "Northumberland County Council", "Northumberland", "northumbria", ["northumberland"]),
          ("shropshire-county", "Shropshire County Council", "Shropshire", "west-mercia", ["shropshire"]),
          ("wiltshire-county", "Wiltshire County Council", "Wiltshire", "wiltshire", ["wiltshire"]),
      ],
      districts=[
          ("bedfordshire-county", [
              ("Bedford", "Bedford Borough Council", ["bedford"], "bedford-district"),
              ("Mid Bedfordshire", "Mid Bedfordshire District Council", ["central-bedfordshire"], None),
              ("South Bedfordshire", "South Bedfordshire District Council", ["central-bedfordshire"], None),
          ]),
          ("cheshire-county", [
              ("Chester", "Chester City Council", ["cheshire-west-and-chester"], None),
              ("Ellesmere Port and Neston", "Ellesmere Port and Neston Borough Council", ["cheshire-west-and-chester"], None),
              ("Vale Royal", "Vale Royal Borough Council", ["cheshire-west-and-chester"], None),
              ("Congleton", "Congleton Borough Council", ["cheshire-east"], None),
              ("Crewe and Nantwich", "Crewe and Nantwich Borough Council", ["cheshire-east"], None),
              ("Macclesfield", "Macclesfield Borough Council", ["cheshire-east"], None),
          ]),
          ("cornwall-county", [
              ("Caradon", "Caradon District Council", ["cornwall"], None),
              ("Carrick", "Carrick District Council", ["cornwall"], None),
              ("Kerrier", "Kerrier District Council", ["cornwall"], None),
              ("North Cornwall", "North Cornwall District Council", ["cornwall"], None),
              ("Penwith", "Penwith District Council", ["cornwall"], None),
              ("Restormel", "Restormel Borough Council", ["cornwall"], None),
          ]),
          ("durham-county", [
              ("Chester-le-Street", "Chester-le-Street District Council", ["county-durham"], None),
              ("Derwentside", "Derwentside District Council", ["county-durham"], None),
              ("City of Durham", "City of Durham Council", ["county-durham"], "city-of-durham"),
              ("Easington", "Easington District Council", ["county-durham"], None),
              ("Sedgefield", "Sedgefield Borough Council", ["county-durham"], None),
              ("Teesdale", "Teesdale District Council", ["county-durham"], None),
              ("Wear Valley", "Wear Valley District Council", ["county-durham"], None),
          ]),
          ("northumberland-county", [
              ("Alnwick", "Alnwick District Council", ["northumberland"], None),
              ("Berwick-upon-Tweed", "Berwick-upon-Tweed Borough Council", ["northumberland"], None),
              ("Blyth Valley", "Blyth Valley Borough Council", ["northumberland"], None),
              ("Castle Morpeth", "Castle Morpeth Borough Council", ["northumberland"], None),
              ("Tynedale", "Tynedale District Council", ["northumberland"], None),
              ("Wansbeck", "Wansbeck District Council", ["northumberland"], None),
          ]),
          ("shropshire-county", [
              ("Bridgnorth", "Bridgnorth District Council", ["shropshire"], None),
              ("North Shropshire", "North Shropshire District Council", ["shropshire"], None),
              ("Oswestry", "Oswestry Borough Council", ["shropshire"], None),
              ("Shrewsbury and Atcham", "Shrewsbury and Atcham Borough Council", ["shropshire"], None),
              ("South Shropshire", "South Shropshire District Council", ["shropshire"], None),
          ]),
          ("wiltshire-county", [
              ("Kennet", "Kennet District Council", ["wiltshire"], None),
              ("North Wiltshire", "North Wiltshire District Council", ["wiltshire"], None),
              ("Salisbury", "Salisbury District Council", ["wiltshire"], None),
              ("West Wiltshire", "West Wiltshire District Council", ["wiltshire"], None),
          ]),
      ])

# 2019-04-01: Dorset and BCP.
reorg("2019-04-01", SRC_2019_DORSET,
      new=[
          ("Dorset", "Dorset Council", "dorset", "dorset", []),
          ("Bournemouth, Christchurch and Poole", "Bournemouth, Christchurch and Poole Council", "dorset", "bcp", ["BCP", "BCP Council"]),
      ],
      counties=[
          ("dorset-county", "Dorset County Council", "Dorset", "dorset", ["dorset", "bcp"]),
      ],
      districts=[
          ("dorset-county", [
              ("Christchurch", "Christchurch Borough Council", ["bcp"], None),
              ("East Dorset", "East Dorset District Council", ["dorset"], None),
              ("North Dorset", "North Dorset District Council", ["dorset"], None),
              ("Purbeck", "Purbeck District Council", ["dorset"], None),
              ("West Dorset", "West Dorset District Council", ["dorset"], None),
              ("Weymouth and Portland", "Weymouth and Portland Borough Council", ["dorset"], None),
          ]),
          # Bournemouth and Poole were unitary authorities (1997-2019).
          (None, [
              ("Bournemouth", "Bournemouth Borough Council", ["bcp"], None),
              ("Poole", "Borough of Poole", ["bcp"], None),
          ]),
      ])

# 2019-04-01: Suffolk district mergers.
reorg("2019-04-01", SRC_2019_SUFFOLK, new=[], counties=[], districts=[
    ("suffolk", [
        ("Forest Heath", "Forest Heath District Council", ["west-suffolk"], None),
        ("St Edmundsbury", "St Edmundsbury Borough Council", ["west-suffolk"], None),
        ("Suffolk Coastal", "Suffolk Coastal District Council", ["east-suffolk"], None),
        ("Waveney", "Waveney District Council", ["east-suffolk"], None),
    ]),
])

# 2019-04-01: Somerset West and Taunton (itself abolished 2023-03-31).
reorg("2019-04-01", SRC_2019_SWT, new=[], counties=[], districts=[
    ("somerset-county", [
        ("Taunton Deane", "Taunton Deane Borough Council", ["somerset-west-and-taunton"], None),
        ("West Somerset", "West Somerset Council", ["somerset-west-and-taunton"], None),
    ]),
])

# 2020-04-01: Buckinghamshire.
reorg("2020-04-01", SRC_2020_BUCKS,
      new=[("Buckinghamshire", "Buckinghamshire Council", "thames-valley", "buckinghamshire", [])],
      counties=[("buckinghamshire-county", "Buckinghamshire County Council", "Buckinghamshire", "thames-valley", ["buckinghamshire"])],
      districts=[("buckinghamshire-county", [
          ("Aylesbury Vale", "Aylesbury Vale District Council", ["buckinghamshire"], None),
          ("Chiltern", "Chiltern District Council", ["buckinghamshire"], None),
          ("South Bucks", "South Bucks District Council", ["buckinghamshire"], None),
          ("Wycombe", "Wycombe District Council", ["buckinghamshire"], None),
      ])])

# 2021-04-01: Northamptonshire.
reorg("2021-04-01", SRC_2021_NORTHANTS,
      new=[
          ("North Northamptonshire", "North Northamptonshire Council", "northamptonshire", "north-northamptonshire", []),
          ("West Northamptonshire", "West Northamptonshire Council", "northamptonshire", "west-northamptonshire", []),
      ],
      counties=[("northamptonshire-county", "Northamptonshire County Council", "Northamptonshire", "northamptonshire",
                 ["north-northamptonshire", "west-northamptonshire"])],
      districts=[("northamptonshire-county", [
          ("Corby", "Corby Borough Council", ["north-northamptonshire"], None),
          ("East Northamptonshire", "East Northamptonshire Council", ["north-northamptonshire"], None),
          ("Kettering", "Kettering Borough Council", ["north-northamptonshire"], None),
          ("Wellingborough", "Borough Council of Wellingborough", ["north-northamptonshire"], None),
          ("Daventry", "Daventry District Council", ["west-northamptonshire"], None),
          ("Northampton", "Northampton Borough Council", ["west-northamptonshire"], None),
          ("South Northamptonshire", "South Northamptonshire Council", ["west-northamptonshire"], None),
      ])])

# 2023-04-01: Cumbria, North Yorkshire, Somerset.
reorg("2023-04-01", SRC_2023,
      new=[
          ("Cumberland", "Cumberland Council", "cumbria", "cumberland", []),
          ("Westmorland and Furness", "Westmorland and Furness Council", "cumbria", "westmorland-and-furness", []),
          ("North Yorkshire", "North Yorkshire Council", "north-yorkshire", "north-yorkshire", []),
          ("Somerset", "Somerset Council", "avon-and-somerset", "somerset", []),
      ],
      counties=[
          ("cumbria-county", "Cumbria County Council", "Cumbria", "cumbria", ["cumberland", "westmorland-and-furness"]),
          ("north-yorkshire-county", "North Yorkshire County Council", "North Yorkshire", "north-yorkshire", ["north-yorkshire"]),
          ("somerset-county", "Somerset County Council", "Somerset", "avon-and-somerset", ["somerset"]),
      ],
      districts=[
          ("cumbria-county", [
              ("Allerdale", "Allerdale Borough Council", ["cumberland"], None),
              ("Carlisle", "Carlisle City Council", ["cumberland"], None),
              ("Copeland", "Copeland Borough Council", ["cumberland"], None),
              ("Barrow-in-Furness", "Barrow Borough Council", ["westmorland-and-furness"], None),
              ("Eden", "Eden District Council", ["westmorland-and-furness"], None),
              ("South Lakeland", "South Lakeland District Council", ["westmorland-and-furness"], None),
          ]),
          ("north-yorkshire-county", [
              ("Craven", "Craven District Council", ["north-yorkshire"], None),
              ("Hambleton", "Hambleton District Council", ["north-yorkshire"], None),
              ("Harrogate", "Harrogate Borough Council", ["north-yorkshire"], None),
              ("Richmondshire", "Richmondshire District Council", ["north-yorkshire"], None),
              ("Ryedale", "Ryedale District Council", ["north-yorkshire"], None),
              ("Scarborough", "Scarborough Borough Council", ["north-yorkshire"], None),
              ("Selby", "Selby District Council", ["north-yorkshire"], None),
          ]),
          ("somerset-county", [
              ("Mendip", "Mendip District Council", ["somerset"], None),
              ("Sedgemoor", "Sedgemoor District Council", ["somerset"], None),
              ("South Somerset", "South Somerset District Council", ["somerset"], None),
              ("Somerset West and Taunton", "Somerset West and Taunton Council", ["somerset"], None, "2019-04-01"),
          ]),
      ])

# Merged community safety partnerships (sourced only).
PARTNERSHIPS = [
    dict(
        id="dartford-gravesham",
        name="Dartford and Gravesham Community Safety Partnership",
        covers=["dartford", "gravesham"],
        # "Since 2006 ... However in October 2020 the joint partnership was dissolved" (Dartford BC).
        # Only the year and month are sourced: `until` is the last day of that month, an upper bound.
        until="2020-10-31",
        source="https://www.dartford.gov.uk/by-category/community-and-living2/csp/about-the-partnership ; https://democracy.gravesham.gov.uk/mgAi.aspx?ID=31788 ; seed 002 (Kent CSA 2015: 'only 11 Community Safety Partnerships as Dartford and Gravesham have a joint CSP')",
        confidence="secondary",
        comment="Joint since 2006 (year only; `from` left out); dissolved October 2020, replaced by Dartford CSP and Gravesham CSP.",
    ),
]

PARTNERSHIPS += [
    dict(
        id="north-worcestershire",
        name="North Worcestershire Community Safety Partnership",
        covers=["bromsgrove", "redditch", "wyre-forest"],
        # "In May 2013, the three district CSPs in Bromsgrove, Redditch and Wyre Forest officially merged"
        source="https://abcdocz.com/doc/1493989/update-north-worcestershire-community-safety-partnership-pdf ; https://moderngovwebpublic.redditchbc.gov.uk/mgAi.aspx?ID=29522 (still working 2024-2027)",
        confidence="secondary",
        comment="Merged May 2013 (month only; `from` left out); plan 2024-2027 reported in 2025.",
    ),
    dict(
        id="south-worcestershire",
        name="South Worcestershire Community Safety Partnership",
        covers=["malvern-hills", "worcester", "wychavon"],
        source="https://moderngovwebpublic.redditchbc.gov.uk/mgAi.aspx?ID=29522 ('the two statutory CSPs' in Worcestershire: North and South); its three districts are inferred as the rest of the county",
        confidence="unverified",
        comment="Named as Worcestershire's other statutory CSP; the districts it covers are inferred, not read.",
    ),
    dict(
        id="south-and-vale",
        name="South and Vale Community Safety Partnership",
        covers=["south-oxfordshire", "vale-of-white-horse"],
        from_="2011-04-01",
        source="https://democratic.whitehorsedc.gov.uk/mgDecisionDetails.aspx?IId=14901&Opt=1 (merged partnership with effect from 1 April 2011) ; https://democratic.whitehorsedc.gov.uk/documents/s56894/South%20and%20Vale%20CSP%20Scrutiny%20report%202021-22_Final.html?CT=2",
        confidence="verified",
        comment="South Oxfordshire and Vale of White Horse, from 2011-04-01.",
    ),
    dict(
        id="south-nottinghamshire",
        name="South Nottinghamshire Community Safety Partnership",
        covers=["broxtowe", "gedling", "rushcliffe"],
        source="https://docslib.org/doc/9972698/information-brochure-2012-13 (merger approved August 2009) ; https://democracy.rushcliffe.gov.uk/ieListDocuments.aspx?CId=271&MId=1044&Ver=4 (2021)",
        confidence="secondary",
        comment="Broxtowe, Gedling and Rushcliffe; merger approved August 2009 (`from` left out).",
    ),
    dict(
        id="bassetlaw-newark-sherwood",
        name="Bassetlaw, Newark and Sherwood Community Safety Partnership",
        covers=["bassetlaw", "newark-and-sherwood"],
        source="https://democracy.newark-sherwooddc.gov.uk/mgAi.aspx?ID=9317 (priorities for 2023/2024) ; https://docslib.org/doc/3075393/joint-overview-scrutiny-committee-membership-2012",
        confidence="verified",
        comment="Bassetlaw and Newark and Sherwood; seen in 2012 and 2023/24 (`from` unknown).",
    ),
    dict(
        id="safer-north-hampshire",
        name="Safer North Hampshire Community Safety Partnership",
        # "OVERVIEW AND SCRUTINY OF SAFER NORTH HAMPSHIRE STRATEGIC COMMUNITY SAFETY PARTNERSHIP 2020-21" (Hart, the first source).
        aliases=["Safer North Hampshire Strategic Community Safety Partnership"],
        covers=["basingstoke-and-deane", "hart", "rushmoor"],
        source="https://hart.moderngov.co.uk/mgAi.aspx?ID=1227 (plan 2020-23) ; https://docslib.org/doc/12551087/community-safety-partnerships-from-basingstoke-and-deane-borough ; http://www.basingstokegazette.co.uk/news/11199244.display/ (joint team from November 2012, partnerships to merge)",
        confidence="secondary",
        comment="Basingstoke and Deane, Hart and Rushmoor; joint team from November 2012, merged partnership later (day not found).",
    ),
    dict(
        id="adur-worthing",
        name="Adur and Worthing Safer Communities Partnership",
        covers=["adur", "worthing"],
        source="https://yourvoice.westsussex.gov.uk/community-safety/news_feed/adur-worthing-csp ; https://democracy.adur-worthing.gov.uk/mgAi.aspx?ID=3573 (strategy 2021-2024)",
        confidence="secondary",
        comment="Adur and Worthing; a 2019 report speaks of two CSPs under a joint body, so whether the partnership is formally combined is not confirmed.",
    ),
    dict(
        id="north-devon-torridge",
        name="North Devon and Torridge Community Safety Partnership",
        covers=["north-devon", "torridge"],
        # "Technically Torridge and North Devon were two Crime Safety Partnerships but were working together as one" (2020).
        source="https://democracy.northdevon.gov.uk/mgAi.aspx?ID=5456 (2020: two partnerships 'working together as one') ; https://democracy.torridge.gov.uk/mgAi.aspx?ID=16701 (update on the joint partnership's priorities)",
        confidence="secondary",
        comment="North Devon and Torridge; two partnerships working as one (2020), so whether the partnership is formally combined is not confirmed.",
    ),
    dict(
        id="south-and-east-lincolnshire",
        name="South and East Lincolnshire Community Safety Partnership",
        covers=["boston", "east-lindsey", "south-holland"],
        # "the South & East Lincolnshire Community Safety Partnership (SELCSP)"; the councils' partnership "is made up of Boston Borough Council, East Lindsey District Council and South Holland District Council".
        source="https://boston.gov.uk/commsafetystrategy (joint Community Safety Strategy 2022 to 2025 of the SELCSP) ; https://boston.gov.uk/article/20675/South-East-Lincolnshire-Councils-Partnership (the three councils, partnership formed October 2021)",
        confidence="secondary",
        comment="Boston, East Lindsey and South Holland; the councils' partnership formed in October 2021 (day not found, `from` left out).",
    ),
    dict(
        id="castle-point-rochford",
        name="Castle Point and Rochford Community Safety Partnership",
        # The council's page of 2018 names it "Castle Point and Rochford Community Safety Partnership (CSP)", with Rochford District Council among its statutory members; its strategy page of 2025 "the Rochford & Castle Point Community Safety Partnership".
        aliases=["Rochford and Castle Point Community Safety Partnership"],
        covers=["castle-point", "rochford"],
        source="https://www.castlepoint.gov.uk/community-safety-partnership (2018: the joint CSP and its members) ; https://www.castlepoint.gov.uk/community-safety-priorities (strategy 2025-2028)",
        confidence="secondary",
        comment="Castle Point and Rochford; joint in 2018 and 2025 (`from` unknown).",
    ),
    dict(
        id="north-yorkshire-csp",
        name="North Yorkshire Community Safety Partnership",
        covers=["craven", "hambleton", "harrogate", "richmondshire", "ryedale", "scarborough", "selby"],
        until="2023-03-31",
        source="https://www.northyorkshire-pfcc.gov.uk/decision-notices/0132014-application-merge-community-safety-partnership-areas-north-yorkshire/ (PCC approved the merger of the six CSPs on 2014-09-09) ; https://harrogate-news.co.uk/?p=52468",
        confidence="verified",
        comment="The six CSPs of North Yorkshire's seven districts merged after 2014-09-09 (day of effect not found); the districts ended 2023-03-31, so it no longer covers several authorities.",
    ),
]

REORGANISATIONS = [
    dict(
        id="surrey-2027",
        title="Surrey: two new unitary councils, East Surrey and West Surrey",
        area="surrey",
        effective="2027-04-01",
        status="decided",
        notes=("Decision 2025-10-28: East Surrey (Elmbridge, Epsom and Ewell, Mole Valley, Reigate and Banstead, "
               "Tandridge) and West Surrey (Guildford, Runnymede, Spelthorne, Surrey Heath, Waverley, Woking). "
               "Shadow elections May 2026; Surrey County Council and the 11 districts dissolved 2027-03-31; "
               "vesting day 2027-04-01; the Surrey Community Safety Agreement then has no two-tier area. "
               "Structural Changes Order number not confirmed."),
        source="https://www.surreylgrhub.org/homepage/15/decision-on-local-government-reorganisation ; http://policy-wire.co.uk/surrey-unitary-councils-secondary-legislation-and-2026-elections (via law-2023-2026.md s1b)",
        confidence="secondary",
    ),
    dict(
        id="kent-2028",
        title="Kent: local government reorganisation (options consulted on; decision not found)",
        area="kent",
        effective="2028-04-01",
        status="proposed",
        notes=("Five options submitted by 2025-11-28 (single Kent council; three, four or five unitaries); "
               "government consultation 2026-02-05 to 2026-03-26; decision expected summer 2026, not found. "
               "Expected shadow elections 2027-05-06 and new councils from 2028-04-01 (expected, not decided)."),
        source="https://www.tmbc.gov.uk/council/local-government-reorganisation ; https://www.dartford.gov.uk/council-democracy/devolution-local-government-reorganisation (via law-2023-2026.md s1b)",
        confidence="secondary",
    ),
    dict(
        id="essex-2028",
        title="Essex (with Southend-on-Sea and Thurrock): local government reorganisation (Devolution Priority Programme)",
        area="essex",
        effective="2028-04-01",
        status="proposed",
        notes="Proposals for three, four or five unitaries; consultation Nov 2025 to Jan 2026; decision not found. Expected elections May 2027, new councils April 2028; mayoral election May 2028.",
        source="law-2023-2026.md s1b (polimapper 2025-12-05; MHCLG answer https://www.parallelparliament.co.uk/question/60076/local-government-essex)",
        confidence="secondary",
    ),
    dict(
        id="hampshire-2028",
        title="Hampshire (with Isle of Wight, Portsmouth, Southampton): local government reorganisation (Devolution Priority Programme)",
        area="hampshire",
        effective="2028-04-01",
        status="proposed",
        notes="Four- and five-unitary proposals; decision not found. Expected new councils April 2028.",
        source="law-2023-2026.md s1b",
        confidence="secondary",
    ),
    dict(
        id="norfolk-2028",
        title="Norfolk: local government reorganisation (Devolution Priority Programme)",
        area="norfolk",
        effective="2028-04-01",
        status="proposed",
        notes="One-, two- and three-unitary proposals; decision not found. Expected new councils April 2028.",
        source="law-2023-2026.md s1b",
        confidence="secondary",
    ),
    dict(
        id="suffolk-2028",
        title="Suffolk: local government reorganisation (Devolution Priority Programme)",
        area="suffolk",
        effective="2028-04-01",
        status="proposed",
        notes="'One Suffolk' against two- or three-unitary proposals; decision not found. Expected new councils April 2028.",
        source="law-2023-2026.md s1b",
        confidence="secondary",
    ),
    dict(
        id="east-sussex-2028",
        title="East Sussex (with Brighton and Hove): local government reorganisation (Devolution Priority Programme)",
        area="east-sussex",
        effective="2028-04-01",
        status="proposed",
        notes="East Sussex County Council proposes a single unitary; Brighton and Hove proposes five; decision not found. Expected new councils April 2028.",
        source="law-2023-2026.md s1b",
        confidence="secondary",
    ),
    dict(
        id="west-sussex-2028",
        title="West Sussex: local government reorganisation (Devolution Priority Programme)",
        area="west-sussex",
        effective="2028-04-01",
        status="proposed",
        notes="Decision not found. Expected new councils April 2028.",
        source="law-2023-2026.md s1b",
        confidence="secondary",
    ),
]

# The other two-tier counties: invited on 2025-02-05/06 to propose unitary councils; final proposals
# due 2025-11-28; no decision found for any of them.
for cid in ("cambridgeshire", "derbyshire", "devon", "gloucestershire", "hertfordshire", "lancashire",
            "leicestershire", "lincolnshire", "nottinghamshire", "oxfordshire", "staffordshire",
            "warwickshire", "worcestershire"):
    cname = next(c[1] for c in COUNTIES if c[0] == cid)
    REORGANISATIONS.append(dict(
        id=f"{cid}-2028",
        title=f"{cname}: local government reorganisation (proposals for unitary councils)",
        area=cid,
        effective="2028-04-01",
        status="proposed",
        notes=("Statutory invitation to all two-tier areas 2025-02-05/06; final proposals by 2025-11-28; no decision "
               "found. 2028-04-01 is the government's general timetable for new councils (elections 2027-05-06), "
               "not a decision for this county."),
        source=("law-2023-2026.md s1b (statutory invitation: https://www.djblaw.co.uk/devolution-white-paper-speed-read ; "
                "timetable: https://wikimili.com/en/2024–present_structural_changes_to_local_government_in_England ; "
                "final proposals 2025-11-28: https://www.tmbc.gov.uk/council/local-government-reorganisation)"),
        confidence="secondary",
    ))

# --------------------------------------------------------------------------------------------
# Emit
# --------------------------------------------------------------------------------------------


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def arr(xs):
    return "[" + ", ".join(q(x) for x in xs) + "]"


lines = []
w = lines.append


def authority(id, name, area, tier, police, source, confidence, aliases=(), county=None, frm=None, until=None, successors=None):
    aliases = list(aliases)
    # The short form officers write ("Doncaster Council") for single councils of a place.
    if tier in ("district", "metropolitan-district", "unitary") and f"{area} Council" not in (name, *aliases):
        aliases.append(f"{area} Council")
    w("[[authority]]")
    w(f"id = {q(id)}")
    w(f"name = {q(name)}")
    w(f"area = {q(area)}")
    w(f"aliases = {arr(aliases)}")
    w(f"tier = {q(tier)}")
    if county:
        w(f"county = {q(county)}")
    w(f"police_area = {q(police)}")
    if frm:
        w(f"from = {frm}")
    if until:
        w(f"until = {until}")
    if successors:
        w(f"successors = {arr(successors)}")
    w(f"source = {q(source)}")
    w(f"confidence = {q(confidence)}")
    w("")


def gov(role, holder, source, confidence, frm=None, until=None):
    w("  [[police_area.governance]]")
    w(f"  role = {q(role)}")
    w(f"  holder = {q(holder)}")
    if frm:
        w(f"  from = {frm}")
    if until:
        w(f"  until = {until}")
    w(f"  source = {q(source)}")
    w(f"  confidence = {q(confidence)}")
    w("")


w("# Generated by rules/tools/gen_gazetteer.py: edit the tables there, then run it.")
w("# Gazetteer of England: police force areas (with who holds the PCC's functions over time),")
w("# principal local authorities current and abolished since 2009, merged community safety")
w("# partnerships, and announced reorganisations. Every fact carries source and confidence.")
w('schema = "csa-gazetteer/1"')
w("")
w("# ------------------------------------------------------------------------------------------")
w("# Police force areas of England (39 of the 43 in England and Wales; the four Welsh ones left out).")
w(f"# Areas: {SRC_POLICE_ACT}.")
w("# Police authorities were abolished and PCCs took office on 2012-11-22 (" + SRC_PRSRA + ").")
w("# Announced end of PCCs: on 2025-11-13 the government announced that PCCs will be abolished at")
w("# the end of the current term (May 2028), their functions going to mayors or to council leaders")
w("# in Policing and Crime Boards; this needs primary legislation, none found enacted (" + SRC_LAW2026 + ").")
w("# No end date is recorded for any PCC: the day is not fixed in law.")
w("# `display`: how a sentence names an area whose name needs an article (" + SRC_DISPLAY + ").")
w("# ------------------------------------------------------------------------------------------")
w("")

for pid, name, force, aliases in POLICE:
    w("[[police_area]]")
    w(f"id = {q(pid)}")
    w(f"name = {q(name)}")
    if pid in DISPLAY:
        w(f"display = {q(DISPLAY[pid])}")
    w(f"force = {q(force)}")
    w(f"aliases = {arr(aliases)}")
    w(f"source = {q(SRC_POLICE_ACT)}")
    w('confidence = "secondary"')
    w("")
    if pid == "city-of-london":
        # No PCC: the Common Council of the City of London is the police authority; its Police
        # Authority Board acts for it.
        gov("police-authority", "Common Council of the City of London (Police Authority Board)",
            "http://legislation.gov.uk/uksi/2011/3058/note/2012-01-16 ('The Act makes no change to the role of the Common Council of the City of London as the police authority for the City of London police area')",
            "verified")
        continue
    if pid == "metropolitan":
        gov("police-authority", "Metropolitan Police Authority", SRC_MOPAC, "verified", until="2012-01-15")
        gov("mayor", "Mayor's Office for Policing and Crime (MOPAC), Mayor of London", SRC_MOPAC, "verified", frm="2012-01-16")
        continue
    pa = f"{name} Police Authority"
    gov("police-authority", pa, SRC_PRSRA + "; the authority's name follows the pattern '<area> Police Authority'", "secondary", until="2012-11-21")
    pcc_holder = f"Police and Crime Commissioner for {name}"
    if pid == "greater-manchester":
        gov("pcc", pcc_holder, SRC_PRSRA, "verified", frm="2012-11-22", until="2017-05-07")
        gov("mayor", "Mayor of Greater Manchester", SRC_GM, "verified", frm="2017-05-08")
    elif pid == "west-yorkshire":
        gov("pcc", pcc_holder, SRC_PRSRA, "verified", frm="2012-11-22", until="2021-05-09")
        gov("mayor", "Mayor of West Yorkshire", SRC_WY, "verified", frm="2021-05-10")
    elif pid == "south-yorkshire":
        gov("pcc", pcc_holder, SRC_PRSRA, "verified", frm="2012-11-22", until="2024-05-06")
        gov("mayor", "Mayor of South Yorkshire", SRC_SY, "verified", frm="2024-05-07")
    elif pid == "north-yorkshire":
        d, s, c = PFCC[pid]
        gov("pcc", pcc_holder, SRC_PRSRA, "verified", frm="2012-11-22", until="2018-11-14")
        gov("pfcc", "Police, Fire and Crime Commissioner for North Yorkshire", s, c, frm=d, until="2024-05-06")
        gov("mayor", "Mayor of York and North Yorkshire", SRC_YNY, "verified", frm="2024-05-07")
    elif pid in PFCC:
        d, s, c = PFCC[pid]
        import datetime
        prev = (datetime.date.fromisoformat(d) - datetime.timedelta(days=1)).isoformat()
        gov("pcc", pcc_holder, SRC_PRSRA, "verified", frm="2012-11-22", until=prev)
        gov("pfcc", f"Police, Fire and Crime Commissioner for {name}", s, c, frm=d)
    else:
        gov("pcc", pcc_holder, SRC_PRSRA, "verified", frm="2012-11-22")

# Authorities ---------------------------------------------------------------------------------
w("# ------------------------------------------------------------------------------------------")
w("# Shire counties with a county council today (21) and their districts (164).")
w(f"# Lists: {SRC_NONMET}; {SRC_SUBDIV}. Council names as the councils style themselves.")
w("# ------------------------------------------------------------------------------------------")
w("")
used = set()
for cid, cname, police, dists in COUNTIES:
    w(f"# {cname}")
    surrey = cid == "surrey"
    authority(cid, f"{cname} County Council", cname, "county", police,
              SRC_SUBDIV + (" ; end: " + SRC_SURREY_2027 if surrey else ""), "secondary", aliases=[f"{cname} CC"],
              until="2027-03-31" if surrey else None, successors=["east-surrey", "west-surrey"] if surrey else None)
    for d in dists:
        area, council, aliases = d[0], d[1], d[2]
        frm = d[3] if len(d) > 3 else None
        did = slug(area)
        src = SRC_NONMET if not frm else SRC_2019_SUFFOLK
        if surrey:
            src += " ; end: " + SRC_SURREY_2027
        authority(did, council, area, "district", police, src, "secondary", aliases=aliases, county=cid, frm=frm,
                  until="2027-03-31" if surrey else None, successors=[SURREY_2027[area]] if surrey else None)
    if surrey:
        for uid, words in (("east-surrey", "East Surrey"), ("west-surrey", "West Surrey")):
            authority(uid, f"{words} Council", words, "unitary", "surrey", SRC_SURREY_2027, "secondary", frm="2027-04-01")

w("# ------------------------------------------------------------------------------------------")
w("# Metropolitan districts (36). Their metropolitan counties have had no county council since")
w(f"# 1986, so `county` is absent. Police area by metropolitan county. List: {SRC_SUBDIV}.")
w("# ------------------------------------------------------------------------------------------")
w("")
for metname, police, ds in METS:
    w(f"# {metname}")
    for area, council in ds:
        authority(slug(area), council, area, "metropolitan-district", police, SRC_SUBDIV, "secondary")

w("# ------------------------------------------------------------------------------------------")
w("# London: the 32 London boroughs and the City of London, all in the Metropolitan Police")
w("# District except the City (City of London Police). List: " + SRC_SUBDIV)
w("# ------------------------------------------------------------------------------------------")
w("")
# The short name a borough goes by in its own documents ("Safer Kingston Partnership");
# Kingston upon Hull goes by "Hull".
LONDON_SHORT = {"Kingston upon Thames": ["Kingston"]}
for b in LONDON:
    council = LONDON_COUNCIL.get(b, f"London Borough of {b}")
    aliases = [f"{b} Council", f"London Borough of {b}"] if b not in LONDON_COUNCIL else [f"{b} Council"]
    aliases += LONDON_SHORT.get(b, [])
    authority(slug(b), council, b, "london-borough", "metropolitan", SRC_SUBDIV, "secondary", aliases=sorted(set(aliases) - {council}))
authority("city-of-london", "City of London Corporation", "City of London", "city-of-london", "city-of-london", SRC_SUBDIV, "secondary",
          aliases=["Common Council of the City of London", "Corporation of London", "the City"])
w("# Isles of Scilly: a sui generis council, in the Devon and Cornwall police area.")
authority("isles-of-scilly", "Council of the Isles of Scilly", "Isles of Scilly", "isles-of-scilly", "devon-and-cornwall", SRC_SUBDIV, "secondary",
          aliases=["Scilly"])

w("# ------------------------------------------------------------------------------------------")
w("# Unitary authorities created before 2009 and current today (44 of the 62). List: " + SRC_UNITARY)
w("# ------------------------------------------------------------------------------------------")
w("")
for area, council, police, aliases in UNITARIES_OLD:
    authority(slug(area), council, area, "unitary", police, SRC_UNITARY, "secondary", aliases=aliases)

for r in REORGS:
    w("# ------------------------------------------------------------------------------------------")
    w(f"# Reorganisation of {r['day']}. Source: {r['src']}")
    w("# ------------------------------------------------------------------------------------------")
    w("")
    import datetime
    last = (datetime.date.fromisoformat(r["day"]) - datetime.timedelta(days=1)).isoformat()
    for area, council, police, uid, aliases in r["new"]:
        authority(uid, council, area, "unitary", police, r["src"], "secondary", aliases=aliases, frm=r["day"])
    county_police = {}
    for cid, council, area, police, succ in r["counties"]:
        county_police[cid] = police
        authority(cid, council, area, "county", police, r["src"], "secondary", aliases=[f"{area} County Council"] if council != f"{area} County Council" else [],
                  until=last, successors=succ)
    for cid, ds in r["districts"]:
        for d in ds:
            area, council, succ, explicit_id = d[0], d[1], d[2], d[3]
            frm = d[4] if len(d) > 4 else None
            did = explicit_id or slug(area)
            if cid is None:
                # former unitaries (Bournemouth, Poole)
                authority(did, council, area, "unitary", "dorset", r["src"], "secondary", until=last, successors=succ)
                continue
            police = county_police.get(cid) or {"suffolk": "suffolk", "somerset-county": "avon-and-somerset"}[cid]
            src = r["src"] if not frm else SRC_2019_SWT + "; " + r["src"]
            authority(did, council, area, "district", police, src, "secondary", county=cid, frm=frm, until=last, successors=succ)

w("# ------------------------------------------------------------------------------------------")
w("# Community safety partnerships covering more than one authority (sourced ones only).")
w("# Kent 2022: the Kent Community Safety Agreement (seed 001) counts twelve CSPs in Kent, one per")
w("# district; Medway has its own. Elsewhere only partnerships found on council or PCC pages are")
w("# listed; many more exist. `from` is given only where a source states the day.")
w("# ------------------------------------------------------------------------------------------")
w("")
for p in PARTNERSHIPS:
    w(f"# {p['comment']}")
    w("[[partnership]]")
    w(f"id = {q(p['id'])}")
    w(f"name = {q(p['name'])}")
    if p.get("aliases"):
        w(f"aliases = {arr(p['aliases'])}")
    w(f"covers = {arr(p['covers'])}")
    if p.get("from_"):
        w(f"from = {p['from_']}")
    if p.get("until"):
        w(f"until = {p['until']}")
    w(f"source = {q(p['source'])}")
    w(f"confidence = {q(p['confidence'])}")
    w("")

w("# ------------------------------------------------------------------------------------------")
w("# Reorganisations announced, proposed or decided (law-2023-2026.md s1b). Only Surrey's is")
w("# decided (its councils are listed above with their 2027 dates); for the others no decision or Structural Changes Order was found: their `effective`")
w("# is the expected vesting day 2028-04-01 given by the government timetable (status proposed),")
w("# and no new authority is listed.")
w("# ------------------------------------------------------------------------------------------")
w("")
for r in REORGANISATIONS:
    w("[[reorganisation]]")
    w(f"id = {q(r['id'])}")
    w(f"title = {q(r['title'])}")
    w(f"area = {q(r['area'])}")
    if r["effective"]:
        w(f"effective = {r['effective']}")
    w(f"status = {q(r['status'])}")
    w(f"notes = {q(r['notes'])}")
    w(f"source = {q(r['source'])}")
    w(f"confidence = {q(r['confidence'])}")
    w("")

OUT.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
print(f"wrote {OUT}")
