"""Writes posts.json: the labelled posts of bench/guard for the Spoke & Sprocket corpus of bench/grounding.

Each post has a network, a text and the findings a careful reviewer of the brand's current documents would raise:
kind (bannedWord, name, missingHashtag, tooManyHashtags, unsupportedClaim, contradictedClaim, tone) and the words it is
about. Deterministic: the same file every run. Run: python3 make_posts.py
"""
import json
import os

TAGS = "#SpokeAndSprocket #RepairNotReplace"
posts = []


def post(network, text, *findings, group):
    posts.append({"id": len(posts) + 1, "group": group, "platform": network, "text": text,
                  "expected": [{"kind": k, "text": t} for k, t in findings]})


# --- clean: every figure from a current document, names spelt right, both brand hashtags, within the network's count.
clean = [
    "Full service at Spoke & Sprocket is £119: strip-down, bearings regreased, wheels trued and new cables.",
    "A safety check takes 20 minutes and costs £15. Brakes, tyres, chain and bolts, all checked while you wait if a mechanic is free.",
    "Gears slipping? A basic tune-up is £49: we adjust gears and brakes and clean and lubricate the chain.",
    "Our e-bike service is £139 and includes battery diagnostics and a motor check.",
    "Puncture repair, inner tube included: £14. Bring it in and we will show you how we do it.",
    "Hydraulic brakes feeling spongy? A brake bleed is £25 per brake.",
    "A wobbly wheel can usually be saved. A wheel true costs £18.",
    "Chain worn out? Chain replacement labour is £12, and we will tell you if the cassette still has miles in it.",
    "Want to do it yourself? Hire a workshop bench with tools for £8 per hour.",
    "Collection and delivery within the Leeds ring road costs £10 each way, by cargo bike.",
    "Members of the cooperative get 15% off labour. Join as a supporting member for £30 a year.",
    "Students and people on benefits can join as supporting members for £15 a year.",
    "Fix a Flat: our 90 minute class costs £25 and you go home able to fix your own puncture.",
    "Maintenance Basics runs over three evening sessions of 2 hours and costs £70.",
    "Wheel Building is one full Saturday, 10:00 to 16:00, for £95. Every participant works on a bike stand of their own.",
    "Classes have at most eight people, so there is always a mechanic nearby to help.",
    "Refurbished town bikes start at £240, hybrids at £320 and children's bikes at £90.",
    "Every refurbished bike gets our 48-point inspection and a 12-month warranty on the frame and our labour.",
    "Trade in your old bike and we take £20 to £80 off a refurbished one.",
    "We repaired 6,200 bikes in 2025 and sold 410 refurbished ones.",
    "Keeping bikes on the road in 2025 avoided an estimated 61 tonnes of CO2.",
    "92% of the parts we removed last year were reused or recycled.",
    "Our solar panels covered 71% of the workshop's electricity use in 2025.",
    "The cooperative has 11 worker-members and about 1,400 supporting members.",
    "Spoke & Sprocket was founded in 2014 by five mechanics fixing bikes in a railway arch in Holbeck.",
    "Since 2019 we have worked from Canal Wharf Yard, with six repair stands and a classroom.",
    "Priya Nandakumar still runs the Thursday open workshop. Come and watch, ask and learn.",
    "We are open Tuesday to Saturday, 9:00 to 18:00, and until 20:00 on Thursdays for the open workshop evening.",
    "Most services are ready within 3 working days. In the spring rush, allow up to 5 working days.",
    "We service pedal-assist e-bikes with motors up to 250 W.",
    "Donate a bike we can refurbish and we give you a £20 workshop voucher.",
    "Our labour on e-bike services is guaranteed for 6 months.",
    "Members get 15% off every class. Cancel at least 48 hours before for a full refund.",
    "Worker-members buy one £250 share after a six-month trial period.",
    "Tool library: supporting members can borrow up to three tools for up to seven days.",
    "Storage of a finished bike after 7 days costs £2 per day, so do pick it up when we call.",
    "Brake pads fitted for £10 per wheel, pads extra. We will tell you if yours have miles left in them.",
    "We fix before we replace, and we tell you when a part still has miles in it.",
    "Open workshop: anyone can watch, ask and learn. We never hide how a repair is done.",
    "Every mechanic here is a member-owner, and we pay above the Real Living Wage.",
    "Quick tip: check your tyre pressure every week. It takes a minute and saves a puncture.",
    "A squeaky chain is asking for a clean and a drop of lube, not a new bike.",
    "Thinking of replacing your bike? Bring it in first. Most bikes just need a bit of care.",
    "We are a member of the Co-operatives UK network and of the Association of Cycle Traders.",
    "Find us at Unit 4, Canal Wharf Yard, five minutes' walk from Leeds station.",
    "Old battery? A battery below 60% of its original capacity should be replaced, and we recycle old ones free of charge.",
    "Your e-bike service takes about three hours of workshop time, and we update the firmware where the maker provides it.",
    "We take cards and contactless only: the workshop has been cash-free since 2023.",
    "The annual general meeting is held every March, and every supporting member has one vote.",
    "Affordable repairs, honest advice and a cup of tea while you wait.",
]
networks = ["LinkedIn", "X", "Instagram", "Facebook"]
for i, text in enumerate(clean):
    net = networks[i % 4]
    extra = " #LeedsCycling" if net == "Instagram" and i % 3 == 0 else ""
    post(net.lower() if net != "LinkedIn" else "linkedIn", f"{text}\n\n{TAGS}{extra}", group="clean")

# --- banned words (one each, varied places), some with a figure that is right.
banned = [
    ("cheap", "Looking for cheap repairs? A basic tune-up is £49 and we explain every step."),
    ("cheap", "Cheap bikes are often a false economy. Our refurbished hybrids start at £320."),
    ("cheap", "Keeping your bike running is cheap when you learn to do it yourself at our open workshop."),
    ("cheap", "Not cheap, just fair: a puncture repair is £14, inner tube included."),
    ("cheap", "Our Fix a Flat class is a cheap way to never be stranded again."),
    ("disposable", "Bikes are not disposable. Bring yours in and we will find out what it needs."),
    ("disposable", "Stop treating inner tubes as disposable: a patch takes five minutes."),
    ("disposable", "Disposable parts? Not here. We repair first."),
    ("disposable", "Fast fashion made clothes disposable. Let's not do that to bikes."),
    ("hassle-free", "Hassle-free collection and delivery within the ring road, £10 each way."),
    ("hassle-free", "Booking a service is hassle-free: online or at the counter."),
    ("hassle-free", "Enjoy hassle-free riding after a full service."),
    ("hassle-free", "Our hassle-free trade-in takes £20 to £80 off a refurbished bike."),
    ("world-class", "World-class mechanics, right here at Canal Wharf Yard."),
    ("world-class", "Get a world-class wheel true for £18."),
    ("world-class", "Our classroom is small but the teaching is world-class."),
    ("world-class", "A world-class tool library for supporting members."),
    ("revolutionary", "Our revolutionary approach: fix it before you replace it."),
    ("revolutionary", "Revolutionary e-bike diagnostics, now in Leeds."),
    ("revolutionary", "There is nothing revolutionary about a clean chain, but it works."),
    ("revolutionary", "A revolutionary idea: teach people to fix their own bikes."),
    ("cheap", "Cheap parts wear out fast. We fit parts that last."),
    ("disposable", "The disposable bike is a myth sold by people who sell bikes."),
    ("hassle-free", "Hassle-free puncture repair while you wait if a mechanic is free."),
    ("world-class", "World-class coffee? No. Honest repairs? Yes."),
]
for i, (word, text) in enumerate(banned):
    post(networks[i % 4].lower() if i % 4 else "linkedIn", f"{text}\n\n{TAGS}", ("bannedWord", word), group="bannedWord")

# --- misspelt names.
names = [
    ("Spoke and Sprocket", "Spoke and Sprocket is open until 20:00 on Thursdays."),
    ("Spoke and Sprocket", "Thanks to everyone who visited Spoke and Sprocket this week!"),
    ("Spoke & Sprockett", "Spoke & Sprockett has six repair stands and a classroom."),
    ("Spoke&Sprocket", "Meet the mechanics of Spoke&Sprocket at the open workshop."),
    ("Spoke & sprocket", "Spoke & sprocket members get 15% off labour."),
    ("Spokes & Sprocket", "Spokes & Sprocket: repair first, always."),
    ("spoke & sprocket", "Come to spoke & sprocket for your safety check, £15."),
    ("Spoke n Sprocket", "Spoke n Sprocket is a worker-owned cooperative."),
    ("Spoke And Sprocket", "Spoke And Sprocket repaired 6,200 bikes in 2025."),
    ("Spoke & Sprocet", "Book a class at Spoke & Sprocet today."),
    ("Priya Nandakumaar", "Priya Nandakumaar runs the Thursday open workshop."),
    ("Pria Nandakumar", "Say hello to Pria Nandakumar, our founder."),
    ("Priya Nandakuma", "Priya Nandakuma has been fixing bikes since 2014."),
    ("Priya Nandkumar", "Our longest-serving member, Priya Nandkumar, shares a tip."),
    ("Priya Nanda Kumar", "Priya Nanda Kumar explains how to true a wheel."),
    ("Canal Warf Yard", "Find us at Canal Warf Yard, five minutes from Leeds station."),
    ("Canal Wharf Yards", "Our workshop at Canal Wharf Yards has secure bike parking."),
    ("Canel Wharf Yard", "Classes run in our classroom at Canel Wharf Yard."),
    ("Canal Wharf yard", "Open workshop evening at Canal Wharf yard this Thursday."),
    ("Canal Whaf Yard", "New repair stand installed at Canal Whaf Yard."),
    ("Co-operatives Uk", "Proud members of Co-operatives Uk."),
    ("Cooperatives UK", "We are part of the Cooperatives UK network."),
    ("Association of Cycle Trader", "Members of the Association of Cycle Trader since we began."),
    ("Real Living Wages", "We pay above the Real Living Wages, always."),
    ("Spoke & Sprokcet", "Spoke & Sprokcet: fix it, don't bin it."),
]
for i, (wrong, text) in enumerate(names):
    post(networks[(i + 1) % 4].lower() if (i + 1) % 4 else "linkedIn", f"{text}\n\n{TAGS}", ("name", wrong), group="name")

# --- contradicted figures: an old price from the superseded 2024 list, or another figure than a current document gives.
contradicted = [
    ("£10", "Safety check: just £10, while you wait."),
    ("£39", "A basic tune-up for £39 keeps your gears happy."),
    ("£95", "Full service for £95, strip-down and all."),
    ("£110", "E-bike service: £110, battery diagnostics included."),
    ("£11", "Puncture repair with inner tube: £11."),
    ("£20", "A hydraulic brake bleed is £20 per brake."),
    ("£15", "Wheel true: £15, same week."),
    ("10%", "Members get 10% off labour, not parts."),
    ("£6", "Workshop bench hire with tools costs £6 per hour."),
    ("£35", "Supporting membership costs £35 a year."),
    ("£30", "Fix a Flat, our 90 minute class, costs £30."),
    ("£60", "Maintenance Basics: three evenings for £60."),
    ("£200", "Refurbished town bikes start at £200."),
    ("£12", "Collection and delivery within the ring road: £12 each way."),
    ("20%", "Members get 20% off every class."),
    ("£300", "Worker-members buy one £300 share after a trial period."),
    ("£25", "Donate a bike we can refurbish and get a £25 workshop voucher."),
    ("£99", "Full service now £99."),
    ("£149", "Our e-bike service costs £149."),
    ("£4", "Storage after 7 days: £4 per day."),
    ("£59", "Basic tune-up: £59, gears and brakes adjusted."),
    ("£45", "Hydraulic brake bleed, £45 per brake."),
    ("£29", "Safety check: £29, brakes, tyres, chain and bolts."),
    ("£100", "Children's bikes from £100, refurbished and inspected."),
    ("£10", "Bench hire with tools: £10 per hour."),
]
for i, (figure, text) in enumerate(contradicted):
    post(networks[(i + 2) % 4].lower() if (i + 2) % 4 else "linkedIn", f"{text}\n\n{TAGS}", ("contradictedClaim", figure), group="contradictedClaim")

# --- unsupported: figures, awards and certifications no current document gives.
unsupported = [
    ("award", "Our award-winning mechanics are ready for your bike."),
    ("certified", "We are a certified B Corp."),
    ("£50", "Gift cards from £50, the perfect present for a rider."),
    ("£5", "Tyre pressure check: £5."),
    ("£35", "Gear cable fitted for £35."),
    ("£75", "Bike fit session: £75 for an hour with a mechanic."),
    ("£199", "Refurbished road bikes from £199."),
    ("£40", "Mudguards fitted for £40."),
    ("30%", "30% off all refurbished bikes this weekend."),
    ("£12", "Saddle swap: £12 labour."),
    ("accredited", "Our mechanics are accredited by the national cycling body."),
    ("£15", "Kids' bike check: £15 with a sticker."),
    ("£65", "Dropper post service for £65."),
    ("50%", "50% off labour for NHS staff."),
    ("£22", "Tubeless set-up: £22 per wheel."),
    ("Winner of the Leeds small business award", "Winner of the Leeds small business award."),
    ("£180", "Suspension fork service: £180."),
    ("£8", "Bell and lights fitted for £8."),
]
for i, (figure, text) in enumerate(unsupported):
    post(networks[(i + 3) % 4].lower() if (i + 3) % 4 else "linkedIn", f"{text}\n\n{TAGS}", ("unsupportedClaim", figure), group="unsupportedClaim")

# --- hashtags: a brand hashtag missing; too many for the network.
missing = [
    ("#RepairNotReplace", "Saturday morning and the stands are full. Thanks for riding with us!\n\n#SpokeAndSprocket"),
    ("#RepairNotReplace", "A clean chain is a happy chain. #SpokeAndSprocket"),
    ("#SpokeAndSprocket", "That creak is probably your pedals, not your bottom bracket. #RepairNotReplace"),
    ("#SpokeAndSprocket", "Check your brake pads this week: if the grooves are gone, they are worn.\n\n#RepairNotReplace"),
    ("#SpokeAndSprocket", "Rain tomorrow. Dry your chain when you get home.\n\n#RepairNotReplace"),
    ("#RepairNotReplace", "Open workshop this Thursday. Come and watch, ask and learn. #SpokeAndSprocket"),
    ("#RepairNotReplace", "New tyres fitted, old frame saved. #SpokeAndSprocket #LeedsCycling"),
    ("#SpokeAndSprocket", "Our tool library is open to supporting members. #RepairNotReplace #LeedsCycling"),
]
for i, (tag, text) in enumerate(missing):
    post(["facebook", "instagram", "linkedIn", "x"][i % 4], text, ("missingHashtag", tag), group="missingHashtag")
for tag_pair in [("SpokeAndSprocket", "RepairNotReplace")]:
    pass
missing_both = [
    "Spring is coming. Time to check those tyres.",
    "The kettle is on and the stands are free. Drop in.",
    "Nothing beats a bike that shifts cleanly.",
]
for i, text in enumerate(missing_both):
    post(["linkedIn", "facebook", "instagram"][i], text, ("missingHashtag", "#SpokeAndSprocket"), ("missingHashtag", "#RepairNotReplace"),
         group="missingHashtag")
too_many = [
    ("x", "Open workshop tonight until 20:00. #SpokeAndSprocket #RepairNotReplace #LeedsCycling"),
    ("x", "Keep your chain clean. #SpokeAndSprocket #RepairNotReplace #BikeTips"),
    ("linkedIn", "We are hiring a mechanic to join the cooperative. #SpokeAndSprocket #RepairNotReplace #Jobs #Leeds"),
    ("linkedIn", "Our 2025 sustainability report is out. #SpokeAndSprocket #RepairNotReplace #Sustainability"),
    ("instagram", "Before and after: a rusty town bike, saved. #SpokeAndSprocket #RepairNotReplace #LeedsCycling #Upcycle #BikeLove #Leeds"),
    ("instagram", "Wheel building class this Saturday. #SpokeAndSprocket #RepairNotReplace #WheelBuilding #Leeds #Bikes #Workshop #DIY"),
    ("x", "Spring rush is here: book early. #SpokeAndSprocket #RepairNotReplace #Leeds #Cycling"),
    ("linkedIn", "Thank you to our 1,400 supporting members. #SpokeAndSprocket #RepairNotReplace #Coop"),
]
for network, text in too_many:
    post(network, text, ("tooManyHashtags", ""), group="tooManyHashtags")

# --- tone: the words are allowed, the voice is not the brand's (pushy sales copy, corporate jargon).
tone = [
    "BUY NOW!!! Huge savings on refurbished bikes, offer ends TONIGHT, don't miss out!!!",
    "HURRY! Limited slots left for servicing this month, book NOW before they're GONE!!!",
    "Unbeatable deals on every bike in store, grab yours today, the best offer you'll ever see!!!",
    "Management is delighted to communicate that our enterprise remains committed to operational excellence and shareholder value.",
    "Our organisation is strategically positioned to optimise stakeholder engagement across the mobility value chain going forward.",
    "Leveraging our core competencies, we empower stakeholders to unlock synergies and drive value-added outcomes.",
    "ngl ur brakes r shot lol, swing by whenevs i guess, no promises",
    "LAST CHANCE!!! Massive discounts, act fast, these deals will NOT last, click the link NOW!!!",
    "Pursuant to our service level framework, customers are advised that turnaround metrics are subject to operational capacity.",
    "OMG best deal EVER on bikes, you literally HAVE to buy one right now!!!",
]
for i, text in enumerate(tone):
    post(["facebook", "instagram", "linkedIn", "x"][i % 4], f"{text}\n\n{TAGS}", ("tone", ""), group="tone")

# --- mixed: more than one problem in one post.
mixed = [
    ("Cheap full service, just £95!", [("bannedWord", "Cheap"), ("contradictedClaim", "£95")]),
    ("Spoke and Sprocket: hassle-free safety checks for £10.", [("name", "Spoke and Sprocket"), ("bannedWord", "hassle-free"), ("contradictedClaim", "£10")]),
    ("Revolutionary e-bike service for £110.", [("bannedWord", "Revolutionary"), ("contradictedClaim", "£110")]),
    ("Members get 10% off labour at Spoke & Sprockett.", [("contradictedClaim", "10%"), ("name", "Spoke & Sprockett")]),
    ("Our award-winning workshop does a cheap wheel true.", [("unsupportedClaim", "award"), ("bannedWord", "cheap")]),
]
for i, (text, found) in enumerate(mixed):
    post(["linkedIn", "facebook", "instagram", "x", "facebook"][i], f"{text}\n\n{TAGS}", *found, group="mixed")

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "posts.json"), "w", encoding="utf-8") as f:
    json.dump(posts, f, ensure_ascii=False, indent=1)
print(f"{len(posts)} posts")
