"""tests/e2e/web_browser.py GC OUTDIR - `grantcheck serve` in a real browser:
headless Chromium driven by Selenium logs in with a user's token, pre-checks
a valid and an invalid sample and reads the findings from the page, switches
to English, registers as an officer, sees the grid change, downloads the
workbook and reads it back with openpyxl, moves through the start page
with the keyboard alone, sees the grid name the RCCs, accepts a warning on
a submission page and switches that page's language. A screenshot of each page goes to OUTDIR. Skipped
(with the reason printed) only when Chromium cannot start."""
import glob, os, sys, time
sys.path.insert(0, os.path.dirname(__file__))
from webtest import Report, Server, gc_user_add

gc, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
rep = Report()
check = rep.check
try:
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as e:
    print("skip web_browser: python3-selenium is missing (%s); make deps installs it" % e)
    sys.exit(0)

dl = os.path.join(out, "downloads")
os.makedirs(dl, exist_ok=True)
opts = webdriver.ChromeOptions()
for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900", "--disable-gpu"):
    opts.add_argument(a)
opts.add_experimental_option("prefs", {"download.default_directory": dl, "download.prompt_for_download": False})
if os.path.exists("/usr/bin/chromium"):
    opts.binary_location = "/usr/bin/chromium"
try:
    drv = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
except Exception as e:
    print("skip web_browser: Chromium cannot start here: %s" % str(e).splitlines()[0])
    sys.exit(0)

db = os.path.join(out, "r.db")
for f in glob.glob(db + "*"):
    os.remove(f)
token = gc_user_add(gc, db, "olle", "officer")
s = Server(gc, db)
wait = WebDriverWait(drv, 20)

def shot(name):
    drv.save_screenshot(os.path.join(out, name + ".png"))

def upload(path_in_form, field, f):
    drv.find_element(By.ID, field).send_keys(os.path.abspath(f))

try:
    drv.get(s.base + "/")
    check("anonymous is sent to the login page", drv.current_url.endswith("/login"))
    check("pages carry lang", drv.find_element(By.TAG_NAME, "html").get_attribute("lang") == "sv")
    shot("01-login")
    drv.find_element(By.ID, "token").send_keys(token)
    drv.find_element(By.CSS_SELECTOR, "form[action='/login'] button").click()
    wait.until(lambda d: d.find_elements(By.ID, "statement"))
    check("logged in with the token: the pre-check page", "Kontrollera" in drv.page_source)
    labels = {l.get_attribute("for") for l in drv.find_elements(By.TAG_NAME, "label")}
    ids = {i.get_attribute("id") for i in drv.find_elements(By.CSS_SELECTOR, "input:not([type=hidden]), select")}
    check("every input has a label", ids and ids <= labels, (ids, labels))
    shot("02-precheck")
    # keyboard only: Tab reaches the file input and the button
    seen = []
    for _ in range(15):  # keys to the page, not to an element (a file input takes keys as a path)
        ActionChains(drv).send_keys(Keys.TAB).perform()
        el = drv.switch_to.active_element
        seen.append((el.tag_name, el.get_attribute("id") or el.text))
    check("Tab reaches the statement input and the Kontrollera button",
          ("input", "statement") in seen and any(t == "button" and "Kontrollera" in x for t, x in seen), seen)
    # a valid statement
    drv.get(s.base + "/")
    upload("/check", "statement", "samples/valid/norr-2014.xml")
    drv.find_element(By.CSS_SELECTOR, "form[action='/check'] button").click()
    wait.until(lambda d: "report" in d.page_source and d.find_elements(By.CSS_SELECTOR, ".verdict"))
    v = drv.find_element(By.CSS_SELECTOR, ".verdict").text
    check("valid sample: the verdict reads Godkänd", "Godkänd" in v, v)
    check("pre-check says nothing was stored", "ingenting har sparats" in drv.page_source)
    shot("03-result-valid")
    # an invalid one, with the findings read from the page
    drv.get(s.base + "/")
    upload("/check", "statement", "samples/invalid/A1-sum-mismatch.xml")
    drv.find_element(By.CSS_SELECTOR, "form[action='/check'] button").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".verdict"))
    v = drv.find_element(By.CSS_SELECTOR, ".verdict").text
    items = [li.text for li in drv.find_elements(By.CSS_SELECTOR, "ol.findings > li")]
    check("invalid sample: Underkänd with finding A1 on the page", "Underkänd" in v and any("A1" in t for t in items),
          (v, items[:3]))
    shot("04-result-invalid")
    # English
    drv.get(s.base + "/?lang=en")
    check("?lang=en switches to English", drv.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
          and "Check a statement" in drv.page_source)
    shot("05-precheck-en")
    # the grid before, register, the grid after
    drv.get(s.base + "/grid")
    before = drv.find_element(By.CSS_SELECTOR, "table.grid").text
    shot("06-grid-empty")
    drv.get(s.base + "/register")
    upload("/register", "statement", "samples/valid/norr-2014.xml")
    drv.find_element(By.CSS_SELECTOR, "form[action='/register'] button").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "p.note"))
    check("registered as an officer", "Registered" in drv.find_element(By.CSS_SELECTOR, "p.note").text)
    shot("07-registered")
    drv.get(s.base + "/register")
    upload("/register", "statement", "samples/invalid/A1-sum-mismatch.xml")
    drv.find_element(By.CSS_SELECTOR, "form[action='/register'] button").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "p.note"))
    drv.get(s.base + "/grid")
    cells = drv.find_elements(By.CSS_SELECTOR, "table.grid td.valid a, table.grid td.invalid a")
    check("the grid changed: linked cells for the registered statements", len(cells) >= 1 and
          drv.find_element(By.CSS_SELECTOR, "table.grid").text != before, len(cells))
    shot("08-grid")
    cells[0].click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "ol.history"))
    check("the submission page shows its history", "History" in drv.page_source)
    shot("09-submission")
    # the workbook
    drv.get(s.base + "/summary")
    shot("10-summary")
    drv.find_element(By.CSS_SELECTOR, "#year option[value='']").click()
    drv.find_element(By.CSS_SELECTOR, "#wlang option[value='en']").click()
    drv.find_element(By.CSS_SELECTOR, "form[action='/summary.xlsx'] button").click()
    got = []
    for _ in range(100):  # bounded: 20 s
        got = [f for f in glob.glob(os.path.join(dl, "*.xlsx"))]
        if got:
            break
        time.sleep(0.2)
    ok = False
    if got:
        import openpyxl
        wb = openpyxl.load_workbook(got[0])
        rows = list(wb["Overview"].iter_rows(values_only=True)) if "Overview" in wb.sheetnames else []
        ok = any(r[0] == "RCC North" and r[1] == 2014 and r[2] == 10000000 and "Approved" in r for r in rows)
    check("the workbook downloads; openpyxl reads RCC North 2014 approved (English, as chosen)", ok, got)
    # back to Swedish on the grid: the RCCs by name
    drv.get(s.base + "/grid?lang=sv")
    heads = [th.text for th in drv.find_elements(By.CSS_SELECTOR, "table.grid tbody th")]
    check("the grid names the RCCs", "RCC Norr" in heads and "RCC Stockholm Gotland" in heads
          and "norr" not in heads, heads)
    shot("11-grid-sv")
    # a statement with a warning; the officer accepts it on the submission page
    drv.get(s.base + "/register")
    upload("/register", "statement", "samples/invalid/P1-overhead-15pc.xml")
    drv.find_element(By.CSS_SELECTOR, "form[action='/register'] button").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "p.note"))
    shot("12-registered-warning")
    drv.get(s.base + "/grid")
    row = [tr for tr in drv.find_elements(By.CSS_SELECTOR, "table.grid tbody tr")
           if tr.find_element(By.TAG_NAME, "th").text == "RCC Uppsala Örebro"]
    links = row[0].find_elements(By.CSS_SELECTOR, "td.warnings a") if row else []
    check("the grid shows RCC Uppsala Örebro with warnings, linked", len(links) == 1, len(links))
    links[0].click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "ol.history"))
    check("the open warning is listed with the accept form", "Anmärkningar (1)" in drv.page_source and
          drv.find_elements(By.CSS_SELECTOR, "form[action='/accept']"))
    shot("13-submission-warning")
    why = drv.find_element(By.ID, "why")
    why.send_keys("Engångskostnad för lokalflytt")
    drv.find_element(By.CSS_SELECTOR, "form[action='/accept'] button").click()
    wait.until(lambda d: "Godtagna varningar (1)" in d.page_source)
    acc = drv.find_element(By.CSS_SELECTOR, "ul.accepted").text
    check("accepted: shown apart with its justification, no longer open",
          "Engångskostnad för lokalflytt" in acc and "P1" in acc and "Anmärkningar (0)" in drv.page_source, acc)
    shot("14-submission-accepted")
    here = drv.current_url
    drv.find_element(By.CSS_SELECTOR, "a[lang='en']").click()
    wait.until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    check("the language switch keeps the submission (?id=)", "id=" + here.split("id=")[1] in drv.current_url and
          "Accepted warnings (1)" in drv.page_source and "RCC Uppsala Örebro 2013" in drv.page_source,
          drv.current_url)
    shot("15-submission-accepted-en")
finally:
    drv.quit()
    s.stop()
print("screenshots in " + out)
sys.exit(1 if rep.bad else 0)
