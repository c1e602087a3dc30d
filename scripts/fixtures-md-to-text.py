#!/usr/bin/env python3
# Turns a Markdown blog post (read from the repository with git show) into the plain text fixtures in
# test/fixtures/added: front matter, shortcodes, image and link targets and inline HTML dropped, the rest as is.
# Usage: lines "path-in-repo fixture-name" on stdin, run inside the repository; writes to /tmp/newpages.
import re,sys,subprocess
def conv(md):
  # drop YAML front matter
  m=re.match(r'^---\n.*?\n---\n',md,re.S)
  body=md[m.end():] if m else md
  body=re.sub(r'\{\{<.*?>\}\}','',body,flags=re.S)        # Hugo shortcodes (images, refs)
  body=re.sub(r'\{%.*?%\}','',body,flags=re.S)        # Liquid/Eleventy shortcodes
  body=re.sub(r'!\[[^\]]*\]\([^)]*\)','',body)            # images
  body=re.sub(r'\[([^\]]*)\]\([^)]*\)',r'\1',body)         # links: keep the text
  body=re.sub(r'<[^>]+>','',body)                          # inline HTML tags
  import html; body=html.unescape(body)
  return re.sub(r'\n{3,}','\n\n',body).strip()+'\n'
for path,name in [l.split() for l in sys.stdin if l.strip()]:
  md=subprocess.run(['git','show','HEAD:'+path],capture_output=True,text=True).stdout
  t=conv(md); open('/tmp/newpages/'+name+'.txt','w').write(t)
  print('=====',name,len(t)); print(t[:2600])
