window.YTD.following.part0 = [
  {
    "following": {
      "accountId": "40000",
      "userLink": "https://twitter.com/intent/user?user_id=40000"
    }
  }
]
