window.YTD.tweets.part0 = [
  {
    "tweet": {
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "84"
      ],
      "favorite_count": "0",
      "id_str": "1850000000000000001",
      "truncated": false,
      "retweet_count": "0",
      "id": "1850000000000000001",
      "created_at": "Mon Nov 04 01:15:00 +0000 2024",
      "favorited": false,
      "full_text": "Jalan desa di Toboali sudah mulus, terima kasih dinas PU. Semoga perawatannya rutin.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "name": "relawan_fiksi_basel",
            "screen_name": "relawan_fiksi_basel",
            "id_str": "20000"
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "100"
      ],
      "favorite_count": "0",
      "id_str": "1850000000000000002",
      "truncated": false,
      "retweet_count": "0",
      "id": "1850000000000000002",
      "created_at": "Wed Nov 13 12:30:00 +0000 2024",
      "favorited": false,
      "full_text": "RT @relawan_fiksi_basel: Ayo warga Bangka Selatan, 27 November coblos Riza-Debby nomor 2! Lanjutkan!",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "name": "kawan_fiksi",
            "screen_name": "kawan_fiksi",
            "id_str": "30000"
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "86"
      ],
      "favorite_count": "0",
      "id_str": "1850000000000000003",
      "truncated": false,
      "retweet_count": "0",
      "id": "1850000000000000003",
      "created_at": "Thu Nov 14 02:00:00 +0000 2024",
      "favorited": false,
      "full_text": "@kawan_fiksi Jangan lupa cek DPT dan datang ke TPS tanggal 27, gunakan hak pilih kita.",
      "lang": "in",
      "in_reply_to_status_id_str": "1850000000000000900",
      "in_reply_to_status_id": "1850000000000000900",
      "in_reply_to_screen_name": "kawan_fiksi",
      "in_reply_to_user_id_str": "30000"
    }
  },
  {
    "tweet": {
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "79"
      ],
      "favorite_count": "0",
      "id_str": "1850000000000000004",
      "truncated": false,
      "retweet_count": "0",
      "id": "1850000000000000004",
      "created_at": "Sat Nov 16 03:45:00 +0000 2024",
      "favorited": false,
      "full_text": "Resep lempah kuning ikan tenggiri ala ibu, cocok untuk makan siang akhir pekan.",
      "lang": "in"
    }
  }
]
