window.YTD.like.part0 = [
  {
    "like": {
      "tweetId": "1850000000000000777",
      "fullText": "Debby Vita Dewi: bersama Riza kita menangkan Basel! #RizaDebby",
      "expandedUrl": "https://twitter.com/i/web/status/1850000000000000777"
    }
  }
]
