extension OpenAPIComponents {
    /// The reader-study schemas, continuing `yaml`'s `schemas:` mapping (the document places them right after it).
    static let studySchemas = #"""
    StudySummary:
      type: object
      required: [slug, title, assignment, reads_per_item, readers, adjudicators, asks_shapes, asks_comment, spec_sha256, updated_at, url]
      properties:
        slug:
          type: string
        title:
          type: string
        assignment:
          type: string
          enum: [blinded, adaptive]
        reads_per_item:
          type: integer
        readers:
          type: array
          items:
            type: string
        adjudicators:
          type: array
          items:
            type: string
        classes:
          type: array
          nullable: true
          items:
            type: string
        asks_shapes:
          type: boolean
        asks_comment:
          type: boolean
        hidden_repeat_share:
          type: number
          nullable: true
        spec_sha256:
          type: string
        updated_at:
          type: string
          format: date-time
        url:
          type: string
    StudyList:
      type: array
      items:
        $ref: '#/components/schemas/StudySummary'
    StudyStatus:
      type: object
      required: [study, items, assignments, read_versions, open_disputes, resolved_disputes, readers, item_reads]
      properties:
        study:
          $ref: '#/components/schemas/StudySummary'
        items:
          type: integer
        assignments:
          type: integer
        read_versions:
          type: integer
        open_disputes:
          type: integer
        resolved_disputes:
          type: integer
        readers:
          type: array
          items:
            type: object
            required: [reader, completed, total, versions, seconds_spent]
            properties:
              reader:
                type: string
              completed:
                type: integer
              total:
                type: integer
              versions:
                type: integer
              seconds_spent:
                type: number
              seconds_per_read:
                type: number
                nullable: true
        item_reads:
          type: array
          items:
            type: object
            required: [item_id, assigned, read]
            properties:
              item_id:
                type: string
              assigned:
                type: integer
              read:
                type: integer
    AgreementValue:
      type: object
      required: [value]
      properties:
        value:
          type: number
          nullable: true
        lower:
          type: number
          nullable: true
        upper:
          type: number
          nullable: true
        undefined_resamples:
          type: integer
    ShapeAgreementStatistic:
      type: object
      required: [name, items_read_twice, pairs]
      properties:
        name:
          type: string
        mean:
          type: number
          nullable: true
        items_read_twice:
          type: integer
        pairs:
          type: array
          items:
            type: object
            required: [reader_a, reader_b, items]
            properties:
              reader_a:
                type: string
              reader_b:
                type: string
              items:
                type: integer
              mean:
                type: number
                nullable: true
    StudyAgreement:
      type: object
      required: [self_consistency]
      properties:
        shapes:
          type: object
          description: Polygon Dice and point F1 between readers; absent for a study that asks for no shapes.
          required: [point_radius]
          properties:
            point_radius:
              type: number
            polygon_dice:
              $ref: '#/components/schemas/ShapeAgreementStatistic'
            point_f1:
              $ref: '#/components/schemas/ShapeAgreementStatistic'
        agreement:
          type: object
          description: Label agreement; absent for a study that asks no label question.
          required: [items, reads, readers, categories, ordered, weights, resamples, cohen_kappa, fleiss_kappa, krippendorff_alpha, items_read_twice, percent_agreement]
          properties:
            items:
              type: integer
            reads:
              type: integer
            readers:
              type: array
              items:
                type: string
            categories:
              type: array
              items:
                type: string
            ordered:
              type: boolean
            weights:
              type: string
            resamples:
              type: integer
            seed:
              type: integer
            cohen_kappa:
              type: array
              items:
                type: object
                required: [reader_a, reader_b, items, kappa]
                properties:
                  reader_a:
                    type: string
                  reader_b:
                    type: string
                  items:
                    type: integer
                  kappa:
                    $ref: '#/components/schemas/AgreementValue'
            fleiss_kappa:
              type: object
              required: [kappa, reads_per_item, items, left_out_items]
              properties:
                kappa:
                  $ref: '#/components/schemas/AgreementValue'
                reads_per_item:
                  type: integer
                items:
                  type: integer
                left_out_items:
                  type: integer
            krippendorff_alpha:
              type: object
              additionalProperties:
                $ref: '#/components/schemas/AgreementValue'
            items_read_twice:
              type: integer
            percent_agreement:
              $ref: '#/components/schemas/AgreementValue'
        self_consistency:
          type: array
          items:
            type: object
            required: [reader, items, agreeing]
            properties:
              reader:
                type: string
              items:
                type: integer
              agreeing:
                type: integer
              share:
                type: number
                nullable: true
    StudyConsensus:
      type: object
      required: [classes, labels, disputed, pending]
      properties:
        classes:
          type: array
          items:
            type: string
        labels:
          type: array
          items:
            type: object
            required: [item_id, label, votes, adjudicated]
            properties:
              item_id:
                type: string
              label:
                type: string
              votes:
                type: array
                items:
                  type: integer
              adjudicated:
                type: boolean
        disputed:
          type: array
          items:
            type: string
        pending:
          type: array
          items:
            type: string
    StudyReadExport:
      type: object
      required: [reads]
      properties:
        reads:
          type: array
          items:
            type: object
            required: [item_id, reader, is_repeat, version, created_at, seconds_spent]
            properties:
              item_id:
                type: string
              reader:
                type: string
              is_repeat:
                type: boolean
              version:
                type: integer
              created_at:
                type: string
                format: date-time
              seconds_spent:
                type: number
              label:
                type: string
                nullable: true
              shapes:
                type: string
                nullable: true
              comment:
                type: string
                nullable: true
    ItemDescription:
      type: object
      required: [slide]
      properties:
        slide:
          type: string
        box:
          type: array
          nullable: true
          description: "x, y, width, height in level-0 pixels; absent for a whole slide."
          items:
            type: integer
        mpp:
          type: number
          nullable: true
    Assignment:
      type: object
      description: "One of the caller's assignments. Nothing in it says where its item lies on its slide or whether it is a hidden repeat (a repeat is shown turned or mirrored, on the server). In a study that asks for shapes, size gives the frame shapes are drawn, sent and returned in: level-0 pixels of the item as shown, from (0, 0) at the top-left of its picture; the server maps them to and from the slide."
      required: [ordinal, kind, read, versions, reads_url]
      properties:
        ordinal:
          type: integer
        kind:
          type: string
        size:
          type: array
          nullable: true
          description: "Width and height of the item as shown, in level-0 pixels; null in a study without shapes, or for a whole slide whose slide the server does not have (its shapes are then in the slide's own pixels)."
          items:
            type: integer
        mpp:
          type: number
          nullable: true
          description: "Microns per level-0 pixel, when known."
        read:
          type: boolean
        versions:
          type: integer
        reads_url:
          type: string
        image_url:
          type: string
          nullable: true
          description: "The item's picture (PNG), when the study was added with its tiles or slides."
    AssignmentList:
      type: object
      required: [study, reader, completed, total, assignments]
      properties:
        study:
          type: string
        reader:
          type: string
        completed:
          type: integer
        total:
          type: integer
        next:
          type: integer
          nullable: true
        assignments:
          type: array
          items:
            $ref: '#/components/schemas/Assignment'
    Read:
      type: object
      required: [ordinal, version, created_at, seconds_spent]
      properties:
        ordinal:
          type: integer
        version:
          type: integer
        created_at:
          type: string
          format: date-time
        seconds_spent:
          type: number
        label:
          type: string
          nullable: true
        shapes:
          type: string
          nullable: true
          description: "QuPath GeoJSON text, in the assignment's frame (see Assignment.size)."
        comment:
          type: string
          nullable: true
        idempotency_key:
          type: string
          nullable: true
    ReadList:
      type: array
      items:
        $ref: '#/components/schemas/Read'
    NewRead:
      type: object
      required: [seconds_spent]
      properties:
        label:
          type: string
          nullable: true
          description: "One of the study's classes, where it asks for a label."
        shapes:
          nullable: true
          description: "QuPath GeoJSON, as an object or its text (at most 4 MiB), where the study asks for shapes: in the assignment's frame (see Assignment.size)."
          oneOf:
            - type: string
            - type: object
        comment:
          type: string
          nullable: true
          description: "At most 10,000 bytes, where the study takes comments."
        seconds_spent:
          type: number
          minimum: 0
          maximum: 86400
        idempotency_key:
          type: string
          nullable: true
          minLength: 1
          maxLength: 200
    Dispute:
      type: object
      required: [id, item_id, kind, reason, opened_at, reads, decision_url]
      properties:
        id:
          type: integer
        item_id:
          type: string
        kind:
          type: string
        item:
          nullable: true
          allOf:
            - $ref: '#/components/schemas/ItemDescription'
        reason:
          type: string
        opened_at:
          type: string
          format: date-time
        reads:
          type: array
          description: "The latest plain read of each reader of the item, while the dispute is open."
          items:
            type: object
            required: [reader, version, created_at, seconds_spent]
            properties:
              reader:
                type: string
              version:
                type: integer
              created_at:
                type: string
                format: date-time
              seconds_spent:
                type: number
              label:
                type: string
                nullable: true
              shapes:
                type: string
                nullable: true
              comment:
                type: string
                nullable: true
        decision:
          type: object
          nullable: true
          required: [adjudicator, decided_at]
          properties:
            adjudicator:
              type: string
            decided_at:
              type: string
              format: date-time
            label:
              type: string
              nullable: true
            shapes:
              type: string
              nullable: true
            comment:
              type: string
              nullable: true
        decision_url:
          type: string
        image_url:
          type: string
          nullable: true
          description: "The item's picture (PNG) while the dispute is open, when the study has one."
    DisputeList:
      type: array
      items:
        $ref: '#/components/schemas/Dispute'
    NewDecision:
      type: object
      description: "A label or shapes (or both) answering the study's questions."
      anyOf:
        - required: [label]
        - required: [shapes]
      properties:
        label:
          type: string
          description: "One of the study's classes."
        shapes:
          description: "QuPath GeoJSON, as an object or its text, where the study asks for shapes."
          oneOf:
            - type: string
            - type: object
        comment:
          type: string
          nullable: true
          description: "At most 10,000 bytes."
"""#
}
