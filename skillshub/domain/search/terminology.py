"""Employer jargon and abbreviations, and the catalogue's wording for them, for query expansion.

The table is written from general knowledge of English workplaces and sectors (trade slang,
professional abbreviations, plain words for formal ones). It is never keyed to evaluation
queries: adding an entry because one test need failed would only hide a weakness of the method.
An entry adds the catalogue's wording to a query; it never removes what the employer typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Term:
    """One employer phrase and the catalogue wording it stands for."""

    phrase: str
    """As employers write it: lower case, or exact case when `case_sensitive`."""
    expansion: str
    case_sensitive: bool = False
    """For abbreviations that are also ordinary words ("IT" and "it", "SEN" and "sen")."""


def _t(phrase: str, expansion: str) -> Term:
    return Term(phrase, expansion)


def _cs(phrase: str, expansion: str) -> Term:
    return Term(phrase, expansion, case_sensitive=True)


TERMS: tuple[Term, ...] = (
    # Engineering, manufacturing and maintenance
    _t("plc", "programmable logic controller control systems automation"),
    _t("plcs", "programmable logic controllers control systems automation"),
    _t("scada", "supervisory control and data acquisition control systems"),
    _t("cnc", "computer numerical control machining machine tools"),
    _t("cad", "computer aided design drawings"),
    _cs("CAM", "computer aided manufacturing"),
    _t("hvac", "heating ventilation air conditioning"),
    _t("mep", "mechanical electrical plumbing building services"),
    _t("m&e", "mechanical and electrical building services"),
    _t("bms", "building management systems"),
    _t("ndt", "non destructive testing inspection"),
    _t("mig", "metal inert gas welding"),
    _t("tig", "tungsten inert gas welding"),
    _t("mma", "manual metal arc welding"),
    _t("qa", "quality assurance"),
    _t("qc", "quality control inspection"),
    _t("ppe", "personal protective equipment"),
    _t("coshh", "control of substances hazardous to health"),
    _t("h&s", "health and safety"),
    _t("hse", "health safety and environment"),
    _t("loler", "lifting operations lifting equipment regulations"),
    _t("puwer", "provision and use of work equipment regulations"),
    _t("oem", "original equipment manufacturer"),
    _t("r&d", "research and development"),
    _t("lean manufacturing", "lean continuous improvement"),
    _t("six sigma", "continuous improvement quality"),
    _t("robots", "robotics automation"),
    _t("robot", "robotics automation"),
    _t("cobots", "collaborative robots robotics automation"),
    _t("automation", "automated systems control"),
    _t("hydraulics", "hydraulic systems fluid power"),
    _t("pneumatics", "pneumatic systems fluid power"),
    _t("3d printing", "additive manufacturing"),
    _t("fabrication", "fabricating metal"),
    _t("toolmaker", "tool making"),
    _t("downtime", "maintenance fault finding"),
    _t("breakdowns", "fault finding diagnosis repair maintenance"),
    _t("breakdown", "fault finding diagnosis repair maintenance"),
    _t("troubleshoot", "fault finding diagnose"),
    _t("troubleshooting", "fault finding diagnosis"),
    _t("fix", "repair"),
    _t("fixing", "repairing"),
    _t("mend", "repair"),
    _t("mending", "repairing"),
    _t("broken", "faulty repair"),
    _t("set up", "install commission"),
    _t("put in", "install"),
    _t("fitting", "installing installation"),
    # Energy, electrical and utilities
    _t("ev", "electric vehicle"),
    _t("evs", "electric vehicles"),
    _t("ev charging", "electric vehicle charging infrastructure"),
    _t("solar panels", "solar photovoltaic renewable energy"),
    _t("pv", "photovoltaic solar"),
    _t("heat pumps", "heat pump low carbon heating"),
    _t("heat pump", "heat pump low carbon heating"),
    _t("renewables", "renewable energy"),
    _t("wind turbines", "wind turbine renewable energy"),
    _t("sparky", "electrician electrical installation"),
    _t("sparkies", "electricians electrical installation"),
    _t("rewiring", "electrical installation wiring"),
    _t("wiring", "electrical installation"),
    _t("boiler", "heating gas appliances"),
    _t("boilers", "heating gas appliances"),
    _t("power station", "power generation"),
    _t("grid", "electricity transmission distribution"),
    _t("nuclear", "nuclear decommissioning reactor"),
    # Construction and the built environment
    _t("brickie", "bricklayer bricklaying"),
    _t("brickies", "bricklayers bricklaying"),
    _t("chippy", "carpenter joinery"),
    _t("chippie", "carpenter joinery"),
    _t("joiner", "joinery carpentry"),
    _t("plasterer", "plastering"),
    _t("roofer", "roofing"),
    _t("scaffolder", "scaffolding"),
    _t("qs", "quantity surveyor surveying"),
    _t("bim", "building information modelling"),
    _t("cdm", "construction design and management regulations"),
    _t("cscs", "construction skills certification"),
    _t("groundworks", "groundworker civil engineering"),
    _t("groundworker", "groundworks civil engineering"),
    _t("refurb", "refurbishment"),
    _t("retrofit", "retrofit energy efficiency"),
    _t("building site", "construction site"),
    _t("building sites", "construction sites"),
    _t("house building", "housebuilding construction residential"),
    _t("decorating", "painting and decorating"),
    _t("decorator", "painter and decorator"),
    _t("handyman", "property maintenance operative"),
    _t("caretaker", "property maintenance facilities"),
    _t("facilities", "facilities management"),
    _t("estate agent", "property estate agency sales lettings"),
    _t("landlord", "property housing lettings"),
    _t("tenants", "housing tenancy"),
    _t("social housing", "housing property management"),
    # Transport, vehicles and logistics
    _t("hgv", "heavy goods vehicle lorry driver large goods vehicle"),
    _t("lgv", "large goods vehicle lorry driver"),
    _t("pcv", "passenger carrying vehicle bus coach driver"),
    _t("psv", "public service vehicle bus coach"),
    _t("lorry", "large goods vehicle driver"),
    _t("lorries", "large goods vehicles drivers"),
    _t("truck", "large goods vehicle"),
    _t("trucks", "large goods vehicles"),
    _t("van", "light vehicle"),
    _t("vans", "light vehicles"),
    _t("forklift", "lift truck warehouse"),
    _t("flt", "fork lift truck"),
    _t("mot", "vehicle testing inspection"),
    _t("car", "motor vehicle"),
    _t("cars", "motor vehicles"),
    _t("garage", "motor vehicle service maintenance"),
    _t("mechanic", "vehicle technician service maintenance"),
    _t("mechanics", "vehicle technicians service maintenance"),
    _t("bodywork", "vehicle body repair"),
    _t("warehouse", "warehousing storage"),
    _t("stock", "inventory"),
    _t("deliveries", "delivery distribution logistics"),
    _t("supply chain", "supply chain logistics procurement"),
    _t("3pl", "third party logistics"),
    _t("wms", "warehouse management system"),
    _t("rail", "railway"),
    _t("trains", "rail train"),
    _t("aircraft", "aviation aerospace"),
    _t("planes", "aircraft aviation"),
    _t("airport", "aviation"),
    _t("ships", "maritime marine vessels"),
    _t("boats", "marine vessels"),
    # Digital and data
    _cs("IT", "information technology digital"),
    _t("it support", "information technology support technician"),
    _t("it systems", "information technology systems"),
    _t("ict", "information and communication technology"),
    _t("ai", "artificial intelligence machine learning"),
    _t("ml", "machine learning"),
    _t("llm", "artificial intelligence machine learning"),
    _t("iot", "internet of things connected devices"),
    _t("ux", "user experience design"),
    _t("ui", "user interface design"),
    _t("seo", "search engine optimisation digital marketing"),
    _t("ppc", "pay per click digital advertising"),
    _t("crm", "customer relationship management"),
    _t("erp", "enterprise resource planning"),
    _t("sql", "database query"),
    _t("api", "application programming interface software"),
    _t("apis", "application programming interfaces software"),
    _t("devops", "software development operations deployment"),
    _t("soc", "security operations centre cyber"),
    _t("cyber", "cyber security"),
    _t("hacking", "cyber security attacks"),
    _t("hackers", "cyber security threats"),
    _t("helpdesk", "service desk support"),
    _t("help desk", "service desk support"),
    _t("coding", "programming software development"),
    _t("coder", "programmer software developer"),
    _t("coders", "programmers software developers"),
    _t("app", "software application"),
    _t("apps", "software applications"),
    _t("website", "web site digital"),
    _t("websites", "web sites digital"),
    _t("computers", "computer information technology"),
    _t("laptops", "computer hardware information technology"),
    _t("spreadsheets", "data spreadsheet"),
    _t("dashboards", "data analysis reporting visualisation"),
    _t("cloud", "cloud computing infrastructure"),
    _t("gis", "geographic information systems"),
    _t("cctv", "closed circuit television security systems"),
    _cs("AV", "audio visual"),
    _t("vr", "virtual reality"),
    _cs("AR", "augmented reality"),
    _t("broadband", "telecommunications network"),
    _t("telecoms", "telecommunications"),
    # Business, finance, law and people
    _t("hr", "human resources people"),
    _t("l&d", "learning and development training"),
    _cs("PA", "personal assistant administration"),
    _t("admin", "administration"),
    _t("paperwork", "administration records"),
    _cs("VAT", "value added tax"),
    _t("paye", "payroll tax"),
    _t("payroll", "payroll pay"),
    _t("wages", "payroll pay"),
    _t("bookkeeping", "accounts accounting bookkeeper"),
    _t("books", "accounts bookkeeping"),
    _t("tax returns", "tax accounting"),
    _t("invoices", "invoicing accounts"),
    _t("audit", "auditing assurance"),
    _t("aml", "anti money laundering compliance"),
    _t("kyc", "know your customer compliance"),
    _t("fca", "financial conduct authority regulation"),
    _t("gdpr", "general data protection regulation data protection"),
    _t("dpo", "data protection officer"),
    _t("kpi", "key performance indicators"),
    _t("kpis", "key performance indicators"),
    _t("p&l", "profit and loss financial"),
    _t("b2b", "business to business sales"),
    _t("pr", "public relations communications"),
    _t("comms", "communications"),
    _cs("PM", "project manager project management"),
    _t("recruiting", "recruitment"),
    _t("hiring", "recruitment"),
    _t("solicitor", "legal law"),
    _t("lawyer", "solicitor legal law"),
    _t("paralegal", "legal law"),
    _t("conveyancing", "property law legal"),
    _t("insurance claims", "insurance claims handling"),
    _t("mortgages", "mortgage financial advice"),
    _t("pensions", "pension financial services"),
    _t("boss", "manager leadership"),
    _t("supervisor", "team leader supervisor"),
    _t("line manager", "team leader manager"),
    _t("selling", "sales"),
    _t("buying", "procurement purchasing"),
    _t("buyer", "procurement purchasing"),
    _t("ads", "advertising marketing"),
    _t("adverts", "advertising marketing"),
    _t("social media", "social media digital marketing"),
    _t("call centre", "contact centre customer service"),
    _t("complaints", "customer service complaints"),
    _t("shop", "retail store"),
    _t("shops", "retail stores"),
    _t("till", "retail checkout"),
    # Health, care and science
    _t("nhs", "national health service healthcare"),
    _t("gp", "general practice primary care"),
    _t("a&e", "accident and emergency urgent care"),
    _t("icu", "intensive care critical care"),
    _t("hca", "healthcare assistant"),
    _cs("OT", "occupational therapy"),
    _t("slt", "speech and language therapy"),
    _t("cpr", "resuscitation first aid"),
    _t("mri", "magnetic resonance imaging radiography"),
    _t("x ray", "radiography imaging"),
    _t("x rays", "radiography imaging"),
    _t("ecg", "electrocardiogram cardiac physiology"),
    _t("odp", "operating department practitioner"),
    _t("theatre nurse", "perioperative operating theatre"),
    _t("paramedic", "ambulance emergency care"),
    _t("ambulance", "paramedic emergency care"),
    _t("care home", "adult care residential"),
    _t("care homes", "adult care residential"),
    _t("carers", "care workers adult care"),
    _t("elderly", "older people adult care"),
    _t("old people", "older people adult care"),
    _t("dementia", "adult care older people"),
    _t("mental health", "mental health wellbeing"),
    _t("camhs", "child and adolescent mental health services"),
    _t("physio", "physiotherapy"),
    _t("dentist", "dental"),
    _t("teeth", "dental"),
    _t("optician", "optical optometry"),
    _t("glasses", "optical dispensing spectacles"),
    _t("vet", "veterinary animal"),
    _t("vets", "veterinary animal"),
    _t("lab", "laboratory"),
    _t("labs", "laboratories"),
    _t("pharma", "pharmaceutical"),
    # Education, childcare and public services
    _cs("SEN", "special educational needs"),
    _cs("SEND", "special educational needs and disabilities"),
    _t("senco", "special educational needs coordinator"),
    _t("eyfs", "early years foundation stage"),
    _t("nursery", "early years childcare"),
    _t("childcare", "early years children"),
    _t("kids", "children"),
    _t("teenagers", "young people adolescents"),
    _cs("TA", "teaching assistant"),
    _t("tutor", "teaching education"),
    _t("teachers", "teaching education"),
    _t("trainer", "learning and development training"),
    _t("police", "policing police constable"),
    _t("cops", "police policing"),
    _t("prison", "custodial justice"),
    _t("fire brigade", "fire service firefighter"),
    _t("council", "local government public sector"),
    _t("charity", "voluntary sector"),
    _cs("MOD", "ministry of defence armed forces"),
    # Catering, hospitality, land and animals
    _t("chef", "chef cooking kitchen"),
    _t("cooking", "culinary food preparation"),
    _t("cook", "chef culinary"),
    _t("food hygiene", "food safety"),
    _t("haccp", "hazard analysis critical control points food safety"),
    _t("f&b", "food and beverage hospitality"),
    _t("pub", "hospitality bar"),
    _t("hotel", "hospitality"),
    _t("restaurant", "hospitality food service"),
    _t("hairdresser", "hairdressing hair"),
    _t("barber", "barbering hair"),
    _t("beauty", "beauty therapy"),
    _t("gardening", "horticulture landscaping"),
    _t("gardener", "horticulture gardening"),
    _t("farm", "agriculture farming"),
    _t("farming", "agriculture"),
    _t("trees", "arboriculture forestry"),
    _t("horses", "equine"),
    _t("dogs", "animal care"),
    _t("pets", "animal care"),
    _t("gym", "fitness personal trainer leisure"),
    _t("sports coach", "sport coaching"),
    # Creative and media
    _t("tv", "television broadcast"),
    _t("telly", "television broadcast"),
    _t("film", "film production"),
    _t("video", "video production"),
    _t("photos", "photography"),
    _t("graphic design", "graphic design visual communication"),
    _t("printing", "print"),
    _t("journalism", "journalist news"),
    _t("theatre", "live events stage"),
    _t("gigs", "live events music"),
    _t("games", "games development"),
    _t("jewellery", "jewellery silversmithing"),
    _t("furniture", "furniture making upholstery"),
    _t("fashion", "fashion textiles garment"),
    _t("clothes", "garments textiles fashion"),
)


@dataclass(frozen=True)
class Expansion:
    """One phrase found in a query and the catalogue wording added for it."""

    found: str
    expansion: str


def _pattern(term: Term) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(part) for part in term.phrase.split())
    flags = 0 if term.case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![A-Za-z0-9&]){body}(?![A-Za-z0-9&])", flags)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[Term, re.Pattern[str]], ...]:
    # Longest phrases first, so "it support" wins over "IT" and "ev charging" over "ev".
    ordered = sorted(TERMS, key=lambda t: (-len(t.phrase), t.phrase))
    return tuple((term, _pattern(term)) for term in ordered)


def expansions(query: str) -> list[Expansion]:
    """The jargon and abbreviations in a query, each with the catalogue wording to add."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Expansion]] = []
    for term, pattern in _compiled():
        for match in pattern.finditer(query):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            found.append((start, Expansion(match.group(0), term.expansion)))
    return [expansion for _, expansion in sorted(found, key=lambda pair: pair[0])]
