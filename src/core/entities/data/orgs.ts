// Organisation lexicon: words that head an organisation's name, well-known organisations and their
// short forms, acronyms that are NOT entities. General knowledge; nothing seed-specific.

/** A capitalised phrase containing one of these is an organisation: `US Indo-Pacific Command`. */
export const ORG_HEADS = `Ministry Department Dept Office Agency Authority Administration Commission Committee Council Assembly Parliament Congress Senate Cabinet Government Court Tribunal Command Forces Force Army Navy Corps Guard Guards Police Constabulary Service Services Bureau Directorate Secretariat Board Institute Institution University College School Academy Foundation Fund Trust Society Association Federation Confederation Union League Party Movement Front Alliance Coalition Organisation Organization Group Company Corporation Corp Co Inc Incorporated Ltd Limited plc PLC LLC LLP Holdings Industries Bank Bancorp Exchange Airlines Airways Lines Motors Systems Technologies Electronics Pharmaceuticals Partners Capital Investments Media Broadcasting News Times Post Journal Herald Telegraph Guardian Gazette Tribune Network Studios Records Club FC Ministries Centre Center Laboratory Laboratories Labs Unit Brigade Division Regiment Fleet Squadron Mission Embassy Consulate Bros United Rovers Athletic Wanderers Albion Hotspur Rangers Brothers Railways Railway Energy Petroleum Oil Telecom Communications Insurance Securities Cross Crescent Reserve Istituto Instituto Institut Universidad Universita Università Université Universitat Banco Banca Banque Compagnie Societe Société Partido Ministerio Ministère Ministero Consejo Conseil Consiglio Bundesamt Stiftung Steel Motor Research Boerse Börse Utd Foods Pharma Bingo Casinos Hotels Resorts Stores Brewery Breweries Mining Chemicals Aerospace Semiconductor Software Games Forum Consortium Chambers Pictures Entertainment Telecommunications Cup Trophy Championship Championships Open Tour Management Economics Instruments Re Associates Consulting Solutions Advisers International Juniors Airline Builders Developers Water Museum Gallery Imports Outfitters Wholesale Interactive Analytics Retail Harriers Beagles Striders AC AAC`;

/** Heads that make a capitalised phrase a thing that is not one of our entities. */
export const MISC_HEADS = `Betamax Act Acts Explorer Browser Phone Console Windows Mac iPod iPods iPhone iPad iTunes PlayStation Xbox Firefox Linux Blu-ray GameCube Walkman BlackBerry Android Wimax WiMax WiMAX Voip VoIP Wi-Fi Bluetooth Ethernet Bill Treaty Convention Accord Accords Agreement Protocol Charter Declaration Doctrine Plan Strategy Initiative Programme Program Missile Missiles Rocket Rockets Interceptor Interceptors Award Awards Prize Prizes Games Prix Tournament Series Marathon Festival Show Day Week Year Summit Talks Dialogue War Wars Revolution Crisis Storm Typhoon Hurricane Cyclone Report Index Awards Album Film Novel Rings Prize Stories Edition Average Act Code Law Rule Rules Mode Size Language Settings`;

/** Organisations that no head word reveals: a line lists names, `Name=alias|alias` gives one organisation's other names. */
export const ORGS = `
United Nations=UN|U.N.
North Atlantic Treaty Organization=NATO|Nato|North Atlantic Treaty Organisation
European Union=EU|E.U.
International Monetary Fund=IMF
World Bank
Standard & Poor's=Standard & Poor|Standard and Poor|Standard & Poors
French Open=Roland Garros|Roland-Garros
World Trade Organization=WTO|World Trade Organisation
World Health Organization=WHO|World Health Organisation
Federal Reserve=Fed|US Federal Reserve|U.S. Federal Reserve|Federal Reserve Bank
European Central Bank=ECB
Bank of England=BoE
Bank of Japan=BoJ|BOJ
Organization of the Petroleum Exporting Countries=OPEC|Opec
Association of Southeast Asian Nations=ASEAN|Asean
Group of Seven=G7|G-7
Group of 20=G20|G-20
Pentagon
Kremlin
White House
Downing Street
Elysee=Élysée
Congress
Senate
Knesset
Duma
Bundestag
Bundesbank
Hamas
Hezbollah
Taliban
Islamic State=ISIS|ISIL
Al-Qaeda=al-Qaeda|Al Qaeda
Mossad
Interpol
Europol
Red Cross
Reuters
Associated Press=AP
Agence France-Presse=AFP
Bloomberg
Xinhua
Kyodo=Kyodo News
Yonhap
BBC
CNN
Al Jazeera
Fox News
New York Times
Washington Post
Wall Street Journal
Financial Times=FT
Nikkei
NHK
Google|Alphabet|Apple|Microsoft|Amazon|Meta|Facebook|Instagram|WhatsApp|Twitter|TikTok|ByteDance|YouTube|Netflix|Nvidia|Intel|AMD|Qualcomm|IBM|Oracle|Cisco|Samsung|Sony|Toyota|Honda|Nissan|Huawei|Tencent|Alibaba|Baidu|Xiaomi|Tesla|SpaceX|OpenAI|Uber|Airbnb|PayPal|eBay|Yahoo|AOL|Vodafone|BT|Nokia|Ericsson|Siemens|Volkswagen|BMW|Daimler|Mercedes|Renault|Peugeot|Fiat|Ford|General Motors|Boeing|Airbus|Lockheed Martin|Raytheon|Northrop Grumman|Mitsubishi|Panasonic|Hitachi|Toshiba|Nintendo|SoftBank|Arm|Shell|BP|Exxon|ExxonMobil|Chevron|Gazprom|Rosneft|Aramco|Walmart|Tesco|Sainsbury's|Barclays|HSBC|Lloyds|NatWest|Santander|UBS|Deutsche Bank|Goldman Sachs|JPMorgan|JP Morgan|Morgan Stanley|Citigroup|Citi|BlackRock|Nasdaq|Nomura|Yukos|Vivendi|Disney|Warner Bros|Time Warner|Sky|ITV|EA|Pfizer|Moderna|AstraZeneca|Novartis|Roche|Bayer|Unilever|Nestle|Nestlé|Coca-Cola|Pepsi|PepsiCo|McDonald's|Starbucks
Six Nations|Tri Nations|Premiership|Wimbledon|Olympics|Paralympics|Olympic Games|Dow Jones|Roscosmos|JAXA|ESA|ISRO|CNSA|Arsenal|Chelsea|Tottenham Hotspur|Spurs|Aston Villa|Everton|Juventus|Inter Milan|AC Milan|Real Madrid|Atletico Madrid|Bayern Munich|Borussia Dortmund|Ajax|Benfica|Celtic|Rangers|Leinster|Munster|Ulster|Saracens|Wasps|Harlequins|Leicester Tigers|Sale Sharks|Toulouse Rugby
Sony Ericsson|Walt Disney|Paramount|Miramax|DreamWorks|Pixar|MGM|Lionsgate|Universal Music|EMI|Warner Music|Bertelsmann|News Corp|Viacom|Comcast|NTL|Telewest|BSkyB|Channel 4|Channel 5|ITV1|BBC1|BBC2|BBC Sport|BBC News|BBC World Service|Sky News|Sky Sports
Motorola|Alcatel|Lucent|Nortel|Orange|T-Mobile|O2|mmO2|Telefonica|Telefónica|Deutsche Telekom|France Telecom|Telecom Italia|AT&T|Verizon|Sprint|Vivendi Universal|Siemens|Philips|LG|Sharp|Canon|Fujitsu|NEC|Dell|HP|Hewlett-Packard|Compaq|Sun Microsystems|Apple Computer|Adobe|Symantec|McAfee|SAP|Infosys|Wipro|Lenovo|Acer|Asus|RIM|Research In Motion|Palm|Skype|Napster|Kazaa|MySpace|Friendster|Amazon.com|Gartner|Forrester|IDC|Ofcom|Ofgem|Ofwat|Oftel|Halifax|HBOS|Abbey|Northern Rock|Standard Chartered|Royal Bank of Scotland|Lloyds TSB|Prudential|Aviva|Legal & General|Allianz|AXA|ING|Credit Suisse|Merrill Lynch|Lehman Brothers|Bear Stearns|Fannie Mae|Freddie Mac|Enron|WorldCom|Parmalat|Marks & Spencer|Boots|Asda|Morrisons|Sainsbury|Woolworths|Carrefour|Ahold|Kingfisher|Primark|Next plc|Ryanair|easyJet|EasyJet|British Airways|Lufthansa|Air France|KLM|Qantas|Emirates|Virgin|Virgin Atlantic|Rolls-Royce|BAE Systems|EADS|Thales|Glaxo|GlaxoSmithKline|GSK|Merck|Sanofi|Total|Eni|Repsol|Petrobras|Statoil|BHP Billiton|Rio Tinto|Anglo American|Glencore|Vale|ArcelorMittal|Corus|Tata|Reliance|Veolia|EDF|E.ON|RWE|Centrica|Danone|Kraft|Cadbury|Heinz|Diageo|Guinness|Heineken|Nike|Adidas|Puma|Reebok|Ikea|Zara|Inditex|H&M|Gucci|Prada|LVMH|L'Oreal|Hyundai|Kia|Porsche|Audi|Volvo|Jaguar|Land Rover|Chrysler|DaimlerChrysler|Mazda|Suzuki|Subaru|Yamaha|Kawasaki|Bridgestone|Michelin|Gazprom Neft|Lukoil|Aeroflot|Sberbank
`;

/** All-capital words that are not entities (units, terms, shouted words). */
export const NON_ENTITY_ACRONYMS = `VHS GDP GNP GMT BST EST PST UTC CEO CFO COO CTO MD MP MPs MEP MEPs TV PC PCs DVD DVDs CD CDs GPS AIDS HIV SARS COVID IPO VAT PIN ATM DNA HQ CCTV RSS HTML XML PDF LCD USB CPU GPU RAM ROM SMS MMS AI IT ID OK UFO PhD MBA BA MA BSc MSc FM AM PM AD BC BCE CE NB PS RIP ASAP FAQ DIY NGO NGOs VIP VIPs SUV SUVs IOU LNG LPG CO2 NOx UV ICBM ICBMs SLBM WMD QE API APIs ESG EV EVs IVF NB IP VOD P&L EPS CPI PMI VPN WiFi LTE SIM SIMs URL WWW PR HR R&D M&A ETF ETFs OTC IQ TB GB MB KB MP3 MP3s PS2 PS3 PSP DS XP HD HDTV UWB IPTV GPRS DRM CES VoIP P2P PVR PVRs DAB RFID WAP GSM LAN WLAN ISP ISPs OS CRM SME SMEs PDA PDAs MMS LED OLED DSL ADSL 3G 4G 5G HIV/AIDS PE RBI R&B READ MORE ALSO NEWS UPDATE LIVE BREAKING WATCH VIDEO PHOTO PHOTOS EXCLUSIVE OPINION ANALYSIS EDITORIAL`;

/** A plural or collective word that can carry a possessive inside an organisation's name. */
export const POSSESSIVE_IN_NAME = `Women Men Children People Peoples Workers Citizens Veterans Teachers Nurses Farmers Soldiers Students Traders Lloyd Sainsbury McDonald Macy Kellogg Boys Girls Mothers Fathers Friends Nations Poor`;

/** Well-known short forms of organisation names (general, not seed-specific). `Long|Short`. */
export const ORG_SHORT_FORMS = `
Federal Reserve|Fed
Department of Justice|Justice Department|DOJ
Department of State|State Department
Department of Defense|Defense Department|Pentagon
Department of Homeland Security|Homeland Security|DHS
Federal Bureau of Investigation|FBI
Central Intelligence Agency|CIA
National Security Agency|NSA
Olympic Games|Olympics
`;

/** Words that start a club's or company's name: `Real Madrid`, `Borussia Dortmund`, `AC Milan`. */
export const ORG_LEADS = `Real AC FC Borussia Sporting Inter Dynamo Olympique Atletico Bayern Celtic Partizan Spartak CSKA Lokomotiv Standard Aguas Aerolineas Aerolíneas Petroleos Petróleos Grupo Compania Compañía Companhia Empresa Empresas Industrias Caja Cementos Ferrovie Poste Deutsche Société Copa Air`;

/** Sports clubs' nicknames and the clubs (as news names them) each can stand for: `the Reds` is the
 * one of these clubs the story names. */
export const CLUB_NICKNAMES = `
Reds=Liverpool|Nottingham Forest|Manchester United|Man Utd|Aberdeen|Bristol City|Crewe|Barnsley|Swindon
Red Devils=Manchester United|Man Utd
Gunners=Arsenal
Blues=Chelsea|Everton|Birmingham|Cardiff|Ipswich|Bristol|Cardiff Blues
Toffees=Everton
Magpies=Newcastle|Newcastle United|Notts County
Toon=Newcastle|Newcastle United
Spurs=Tottenham|Tottenham Hotspur
Villans=Aston Villa|Villa
Hammers=West Ham|West Ham United
Saints=Southampton|St Johnstone|St Mirren|Northampton
Foxes=Leicester|Leicester City
Canaries=Norwich|Norwich City
Baggies=West Brom|West Bromwich Albion
Black Cats=Sunderland
Boro=Middlesbrough
Owls=Sheffield Wednesday
Blades=Sheffield United
Eagles=Crystal Palace
Seagulls=Brighton
Cherries=Bournemouth
Hornets=Watford
Royals=Reading
Potters=Stoke|Stoke City
Rams=Derby|Derby County
Addicks=Charlton|Charlton Athletic
Clarets=Burnley
Pompey=Portsmouth
Wolves=Wolverhampton|Wolverhampton Wanderers
Lions=Millwall
Gers=Rangers
Bhoys=Celtic
Hoops=Celtic|QPR
Tigers=Leicester|Hull|Hull City
Quins=Harlequins
Sharks=Sale
Falcons=Newcastle
Cherry and Whites=Gloucester
Scarlets=Llanelli
Ospreys=Swansea|Neath
`;
